import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import request from 'supertest';
import { parse, parseAllDocuments } from 'yaml';
import { checkPrometheusRule } from './__testUtils__/checkPrometheusRules';
import scaffolderModuleDataOps from './index';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import bitbucketServerModule from '@backstage/plugin-scaffolder-backend-module-bitbucket-server';
import bitbucketCloudModule from '@backstage/plugin-scaffolder-backend-module-bitbucket-cloud';

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'examples', 'templates'))) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error('examples/templates not found above this package');
    }
    dir = parent;
  }
  return dir;
}

const root = repoRoot();
const template = parse(
  readFileSync(
    resolve(root, 'examples/templates/onboard-monitoring/template.yaml'),
    'utf8',
  ),
);
const entities: Entity[] = readdirSync(resolve(root, 'examples/catalog'))
  .filter(f => f.endsWith('.yaml'))
  .flatMap(f =>
    parseAllDocuments(
      readFileSync(resolve(root, 'examples/catalog', f), 'utf8'),
    ).map(d => d.toJS() as Entity),
  );

const values = {
  entity: 'component:default/daily-sales-etl',
  owner: 'group:default/sales-data',
  namespace: 'spark',
  environments: ['dev', 'prod'],
  sloObjective: 99.5,
  sloWindow: '30d',
  thresholds: { cpuPercent: 80 },
  logHotDays: 7,
  logRetentionDays: 30,
  catalogPath: 'catalog-info.yaml',
  gitopsRepoUrl: 'https://bitbucket.example.com/scm/platform/gitops.git',
};

/** As in the demo: every environment binds logs and applications to the entity's name. */
const environment = (name: string) => ({
  name,
  opensearch: { allowedIndexPatterns: ['logs-*'] },
  entityScope: {
    logFilter: 'kubernetes.labels.app:{name}',
    appSelector: 'backstage.io/kubernetes-id={name}',
  },
});

/** Each publisher of the form: its action, its repository picker and what a dry run of it shows. */
const PUBLISHERS: Array<
  [
    string,
    {
      action: string;
      repo: { parameter: string; host: string; value: string };
      inputs: { sourceBranch: string; targetBranch: string };
      dryRunLog: string;
      link: string;
    },
  ]
> = [
  [
    'github',
    {
      action: 'publish:github:pull-request',
      repo: {
        parameter: 'githubRepo',
        host: 'github.com',
        value: 'github.com?owner=acme&repo=gitops',
      },
      inputs: { sourceBranch: 'branchName', targetBranch: 'targetBranchName' },
      // The action itself runs, stopping before the GitHub API.
      dryRunLog: 'Performing dry run of creating pull request',
      link: 'github.com?owner=acme&repo=gitops',
    },
  ],
  [
    'bitbucketServer',
    {
      action: 'publish:bitbucketServer:pull-request',
      repo: {
        parameter: 'bitbucketServerRepo',
        host: 'bitbucket.example.com',
        value: 'bitbucket.example.com?project=PLAT&repo=gitops',
      },
      inputs: { sourceBranch: 'sourceBranch', targetBranch: 'targetBranch' },
      // Without dry-run support, the scaffolder shows the inputs and skips the action.
      dryRunLog:
        'Skipping because publish:bitbucketServer:pull-request does not support dry-run',
      // The scaffolder's placeholder for the output of a step it skipped in a dry run.
      link: '<example>',
    },
  ],
  [
    'bitbucketCloud',
    {
      action: 'publish:bitbucketCloud:pull-request',
      repo: {
        parameter: 'bitbucketCloudRepo',
        host: 'bitbucket.org',
        value: 'bitbucket.org?workspace=acme&project=PLAT&repo=gitops',
      },
      inputs: { sourceBranch: 'sourceBranch', targetBranch: 'targetBranch' },
      dryRunLog:
        'Skipping because publish:bitbucketCloud:pull-request does not support dry-run',
      link: '<example>',
    },
  ],
];

/** One workload of each type of the example catalog, with the form values that onboard it. */
const WORKLOADS: Array<
  [
    string,
    {
      name: string;
      values: Record<string, unknown> & {
        entity: string;
        environments: string[];
      };
    },
  ]
> = [
  [
    'spark-job',
    {
      name: 'daily-sales-etl',
      values: {
        entity: 'component:default/daily-sales-etl',
        namespace: 'spark',
        environments: ['dev', 'prod'],
      },
    },
  ],
  [
    'airflow-dag',
    {
      name: 'sales-daily-pipeline',
      values: {
        entity: 'component:default/sales-daily-pipeline',
        namespace: 'airflow',
        environments: ['stage', 'prod'],
        thresholds: { dagSuccessPercent: 90 },
      },
    },
  ],
  [
    'iceberg-table',
    {
      name: 'sales-daily-orders',
      values: {
        entity: 'resource:default/sales-daily-orders',
        namespace: 'iceberg',
        environments: ['prod'],
        thresholds: { snapshotCount: 50 },
      },
    },
  ],
];

/** The task log's messages, without the colours of the step logger. */
function logMessages(res: { body: any }): string[] {
  return (res.body.log ?? []).map((l: any) =>
    // eslint-disable-next-line no-control-regex
    String(l.body.message).replace(/\u001b\[[0-9;]*m/g, ''),
  );
}

/** The inputs each action was run with in the dry run, by action id, as the scaffolder logs them. */
function dryRunInputs(res: { body: any }): Map<string, unknown> {
  const ran = new Map<string, unknown>();
  for (const message of logMessages(res)) {
    const match = message.match(
      /Running (\S+) in dry-run mode with inputs \(secrets redacted\): ([\s\S]*)$/,
    );
    if (match) {
      expect(ran.has(match[1])).toBe(false);
      ran.set(match[1], JSON.parse(match[2]));
    }
  }
  return ran;
}

function workspacePaths(res: { body: any }): string[] {
  return (res.body.directoryContents ?? []).map(
    (f: { path: string }) => f.path,
  );
}

/** The bundle's files, in the order the render step's summary in the result lists them. */
function summaryFiles(res: { body: any }): string[] {
  return (res.body.output.text[0].content as string)
    .split('\n')
    .filter(line => /^- `monitoring\/[^`]+`$/.test(line))
    .map(line => line.slice(3, -1));
}

describe('the onboarding template through the scaffolder dry run', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        // As in the demo backend: every publish action must resolve even when its step is skipped.
        githubModule,
        bitbucketServerModule,
        bitbucketCloudModule,
        scaffolderModuleDataOps,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:7007' },
            dataops: {
              environments: ['dev', 'stage', 'prod'].map(environment),
              storage: {
                checks: {
                  's3-capacity': {
                    thresholds: {
                      direction: 'above',
                      warning: 70,
                      critical: 75,
                    },
                  },
                },
              },
            },
            // A token only so the GitHub pull-request action can build its client; a dry run calls no GitHub
            // API. Bitbucket has no integration here: its actions are skipped in a dry run.
            integrations: {
              github: [{ host: 'github.com', token: 'dry-run-only' }],
            },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  }, 120_000);

  afterAll(async () => {
    await stop?.();
  });

  async function dryRun(overrides: Record<string, unknown>) {
    const res = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .send({
        template,
        values: { ...values, ...overrides },
        secrets: {},
        directoryContents: [],
      });
    return res;
  }

  it('renders every file and annotates the catalog file, with the pull request off by default', async () => {
    const res = await dryRun({});
    expect({
      status: res.status,
      body: res.status === 200 ? 'ok' : res.body,
    }).toEqual({
      status: 200,
      body: 'ok',
    });
    const files = Object.fromEntries(
      res.body.directoryContents.map(
        (f: { path: string; base64Content: string }) => [
          f.path,
          Buffer.from(f.base64Content, 'base64').toString('utf8'),
        ],
      ),
    );
    const dir = 'monitoring/daily-sales-etl';
    expect(Object.keys(files).sort()).toEqual(
      [
        'catalog-info.yaml',
        `${dir}/base/kustomization.yaml`,
        `${dir}/base/pod-monitor.yaml`,
        ...['dev', 'prod'].flatMap(env => [
          `${dir}/overlays/${env}/kustomization.yaml`,
          `${dir}/overlays/${env}/prometheus-rule.yaml`,
          `${dir}/opensearch/${env}/ism-policy.json`,
          `${dir}/opensearch/${env}/index-template.json`,
          `${dir}/argocd/${env}/application.yaml`,
        ]),
      ].sort(),
    );

    // The catalog file is the entity from the catalog with the values the bundle was rendered with.
    const entity = parse(files['catalog-info.yaml']);
    expect(entity.metadata.name).toBe('daily-sales-etl');
    expect(entity.spec.type).toBe('spark-job');
    expect(entity.metadata.annotations).toMatchObject({
      'dataops.io/environments': 'dev,prod',
      'dataops.io/slo-objective': '99.5',
      'dataops.io/slo-window': '30d',
      'dataops.io/spark-app-name': 'daily-sales-etl',
      'dataops.io/prometheus-selector':
        'namespace="spark",app="daily-sales-etl"',
      'dataops.io/opensearch-index': 'logs-spark-*',
      // What the Logs, Deployments, Storage and Runs tabs need, as the catalog's data scope rule wants it.
      'dataops.io/opensearch-filter': 'kubernetes.labels.app:daily-sales-etl',
      'argocd/app-name': 'daily-sales-etl',
      'dataops.io/storage': 's3:sales-lake,hive:metastore',
      'dataops.io/run-sla': '30m',
    });
    const app = parse(files[`${dir}/argocd/prod/application.yaml`]);
    expect(app.spec.source).toEqual({
      repoURL: 'https://bitbucket.example.com/scm/platform/gitops.git',
      targetRevision: 'HEAD',
      path: `${dir}/overlays/prod`,
    });
    expect(app.metadata.labels['backstage.io/kubernetes-id']).toBe(
      'daily-sales-etl',
    );
    expect(
      entity.metadata.annotations['dataops.io/airflow-dag-id'],
    ).toBeUndefined();

    // Form values reach the rules: the CPU override and the 99.5% objective (budget 0.005).
    const rule = files[`${dir}/overlays/prod/prometheus-rule.yaml`];
    const rules = parse(rule).spec.groups.flatMap((g: any) => g.rules);
    expect(rules.find((r: any) => r.alert === 'DataOpsCpuHigh').expr).toMatch(
      /> 0\.8$/,
    );
    expect(
      rules.find((r: any) => r.alert === 'SloErrorBudgetFastBurn').expr,
    ).toContain('(36 * 0.005)');
    // The entity's storage and run SLA become alerts; the configured capacity threshold wins.
    const capacity = rules.filter(
      (r: any) => r.alert === 'StorageS3CapacityHigh',
    );
    expect(capacity.map((r: any) => r.labels.severity)).toEqual([
      'critical',
      'warning',
    ]);
    expect(capacity[0].expr).toMatch(/\) > 75$/);
    expect(capacity[1].expr).toMatch(/\) > 70 and \(.*\) <= 75$/);
    expect(
      rules
        .filter((r: any) => r.alert === 'DataOpsRunOverSla')
        .map((r: any) => r.labels.severity),
    ).toEqual(['critical', 'warning']);
    const promtool = await checkPrometheusRule(rule);
    expect(promtool.exitCode).toBe(0);

    const text = res.body.output.text[0].content as string;
    expect(text).toContain(`- \`${dir}/overlays/prod/prometheus-rule.yaml\``);
    // Every file's content is in the result, for runs that open no pull request.
    const bundleFiles = Object.entries(files).filter(
      ([path]) => path !== 'catalog-info.yaml',
    );
    expect(bundleFiles).toHaveLength(12);
    for (const [path, content] of bundleFiles) {
      expect(text).toContain(
        `#### ${path}\n\n\`\`\`${
          path.endsWith('.json') ? 'json' : 'yaml'
        }\n${content}\`\`\``,
      );
    }
    // No pull request unless asked for: no publish step ran.
    expect(
      [...dryRunInputs(res).keys()].filter(id => id.startsWith('publish:')),
    ).toEqual([]);
    // The Create page shows links that have a url or an entity ref only.
    const shown = res.body.output.links.filter(
      (l: any) => l.url || l.entityRef,
    );
    expect(shown).toEqual([
      {
        title: 'Workload in the catalog',
        icon: 'catalog',
        entityRef: 'component:default/daily-sales-etl',
      },
    ]);
  }, 120_000);

  it('dry-runs the pull request of an Iceberg table: a ServiceMonitor, no log annotations', async () => {
    const res = await dryRun({
      entity: 'resource:default/sales-daily-orders',
      namespace: 'iceberg',
      environments: ['prod'],
      thresholds: { snapshotCount: 50 },
      openPullRequest: true,
      publisher: 'github',
      githubRepo: 'github.com?owner=acme&repo=gitops',
      gitopsRepoUrl: 'git@bitbucket.example.com:platform/gitops.git',
    });
    expect({
      status: res.status,
      body: res.status === 200 ? 'ok' : res.body,
    }).toEqual({ status: 200, body: 'ok' });
    const paths = res.body.directoryContents.map(
      (f: { path: string }) => f.path,
    );
    expect(paths).toContain(
      'monitoring/sales-daily-orders/base/service-monitor.yaml',
    );
    // A Resource: the demo's logFilter names Components only, so the table gets no log annotations (the
    // catalog would flag them) and the result says why; its storage still becomes alerts.
    const catalogFile = parse(
      Buffer.from(
        res.body.directoryContents.find(
          (f: { path: string }) => f.path === 'catalog-info.yaml',
        ).base64Content,
        'base64',
      ).toString('utf8'),
    );
    expect(
      catalogFile.metadata.annotations['dataops.io/opensearch-index'],
    ).toBeUndefined();
    expect(catalogFile.metadata.annotations['argocd/app-name']).toBe(
      'sales-daily-orders-monitoring',
    );
    expect(res.body.output.text[0].content).toContain('No log annotations');
    expect(res.body.output.text[0].content).toContain('StorageS3CapacityHigh');
    const log = logMessages(res).join('\n');
    expect(log).toContain('Performing dry run of creating pull request');
    expect(res.body.output.links).toEqual(
      expect.arrayContaining([
        { title: 'Pull request', url: 'github.com?owner=acme&repo=gitops' },
      ]),
    );
  }, 120_000);

  describe.each(PUBLISHERS)(
    'with the %s publisher',
    (publisher, { action, repo, inputs, dryRunLog, link }) => {
      it.each(WORKLOADS)(
        'dry-runs exactly one pull request for the %s workload, showing its title, description, branches and files',
        async (_type, workload) => {
          const res = await dryRun({
            ...workload.values,
            gitopsRevision: 'main',
            openPullRequest: true,
            publisher,
            [repo.parameter]: repo.value,
          });
          expect({
            status: res.status,
            body: res.status === 200 ? 'ok' : res.body,
          }).toEqual({ status: 200, body: 'ok' });

          // Exactly one publish step ran, the chosen host's; the others were skipped by their if.
          const ran = dryRunInputs(res);
          expect(
            [...ran.keys()].filter(id => id.startsWith('publish:')),
          ).toEqual([action]);

          // The whole pull request, as the action was given it.
          const files = summaryFiles(res);
          const branch = `dataops/monitoring-${workload.name}`;
          expect(ran.get(action)).toEqual({
            repoUrl: repo.value,
            [inputs.sourceBranch]: branch,
            [inputs.targetBranch]: 'main',
            title: `Onboard ${workload.values.entity} to monitoring`,
            description: `Monitoring bundle for ${
              workload.values.entity
            } in ${workload.values.environments.join(
              ', ',
            )}\nand the dataops.io annotations of catalog-info.yaml, generated by the DataOps onboarding template.\n\n${files
              .map(f => `- \`${f}\``)
              .join('\n')}\n`,
          });
          // The files it carries: the workspace, the bundle of each chosen environment and the catalog file.
          expect(files).toEqual(
            expect.arrayContaining(
              workload.values.environments.map(
                env =>
                  `monitoring/${workload.name}/overlays/${env}/prometheus-rule.yaml`,
              ),
            ),
          );
          expect(workspacePaths(res).sort()).toEqual(
            ['catalog-info.yaml', ...files].sort(),
          );
          expect(logMessages(res)).toEqual(
            expect.arrayContaining([expect.stringContaining(dryRunLog)]),
          );
          expect(res.body.output.links).toEqual(
            expect.arrayContaining([{ title: 'Pull request', url: link }]),
          );
        },
        120_000,
      );
    },
  );

  it('targets the default branch when Argo CD syncs HEAD', async () => {
    const res = await dryRun({
      gitopsRevision: 'HEAD',
      openPullRequest: true,
      publisher: 'bitbucketServer',
      bitbucketServerRepo: 'bitbucket.example.com?project=PLAT&repo=gitops',
    });
    expect(res.status).toBe(200);
    const pr = dryRunInputs(res).get('publish:bitbucketServer:pull-request');
    // Empty: the action asks Bitbucket for the repository's default branch.
    expect(pr).toMatchObject({
      sourceBranch: 'dataops/monitoring-daily-sales-etl',
      targetBranch: '',
    });
  }, 120_000);

  it('offers one publish step per publisher of the form, each with its own repository picker', () => {
    const pullRequestPage = template.spec.parameters.find(
      (p: any) => p.title === 'Pull request',
    );
    const asked = pullRequestPage.dependencies.openPullRequest.oneOf.find(
      (b: any) => b.properties.openPullRequest.const === true,
    );
    expect(
      asked.properties.publisher.oneOf.map((o: any) => o.const).sort(),
    ).toEqual(PUBLISHERS.map(([p]) => p).sort());
    const pickers = new Map<string, any>(
      asked.dependencies.publisher.oneOf.map((b: any) => [
        b.properties.publisher.const,
        b,
      ]),
    );
    for (const [publisher, { action, repo }] of PUBLISHERS) {
      const branch = pickers.get(publisher);
      expect(branch.required).toEqual([repo.parameter]);
      expect(branch.properties[repo.parameter]).toMatchObject({
        'ui:field': 'RepoUrlPicker',
        'ui:options': { allowedHosts: [repo.host] },
      });
      // One step per action, guarded by its publisher.
      const steps = template.spec.steps.filter((s: any) => s.action === action);
      expect(steps).toHaveLength(1);
      expect(steps[0].if).toContain(`parameters.publisher == '${publisher}'`);
      expect(steps[0].input.repoUrl).toBe(
        `\${{ parameters.${repo.parameter} }}`,
      );
    }
    expect(
      template.spec.steps.filter((s: any) => s.action.startsWith('publish:')),
    ).toHaveLength(PUBLISHERS.length);
  });

  it('asks for the repository of the chosen publisher before running anything', async () => {
    const res = await dryRun({
      openPullRequest: true,
      publisher: 'bitbucketCloud',
      githubRepo: 'github.com?owner=acme&repo=gitops',
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('bitbucketCloudRepo');
  }, 120_000);

  it('rejects a pull request without a publisher before running anything', async () => {
    const res = await dryRun({ openPullRequest: true });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('publisher');
  }, 120_000);

  it('refuses an environment that dataops.environments does not have', async () => {
    // The form lists the configured environments; a value from elsewhere still fails the render step.
    const res = await dryRun({ environments: ['dev', 'qa'] });
    expect(JSON.stringify(res.body)).toContain(
      "Invalid input 'environments[1]': 'qa' is not an environment of dataops.environments; configured: dev, stage, prod",
    );
    expect(workspacePaths(res)).toEqual([]);
  }, 120_000);

  it('answers with the InputError of a bad parameter', async () => {
    const res = await dryRun({ thresholds: { snapshotCount: 50 } });
    const log = JSON.stringify(res.body);
    expect(log).toContain(
      "Invalid input 'thresholds.snapshotCount': does not apply to a spark-job",
    );
  }, 120_000);
});
