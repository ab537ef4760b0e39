import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  EnvironmentRules,
  formatMatchers,
} from '@dataops-observability/plugin-dataops-common';
import {
  buildBundleSpec,
  buildEntityAnnotations,
  renderBundle,
  StorageCheckSettings,
  WORKLOAD_TYPES,
} from '../../bundle';
import { parseActionInput, ZodImpl } from '../parseActionInput';
import { writeWorkspaceFiles } from '../writeWorkspaceFiles';
import { examples } from './monitoringRender.examples';

const THRESHOLD_HELP: Record<string, string> = {
  restarts:
    'Container restarts within 1h before a critical alert (Spark, Airflow; default 3)',
  cpuPercent: 'CPU use against the limit, percent (Spark, Airflow; default 85)',
  memoryPercent:
    'Memory use against the limit, percent (Spark, Airflow; default 90)',
  jobFailurePercent: 'Failed Spark jobs within 1h, percent (Spark; default 5)',
  gcTimePercent: 'Time spent in JVM GC, percent (Spark; default 20)',
  dagSuccessPercent:
    'Alert when fewer DAG runs succeed within 1d, percent (Airflow; default 95)',
  schedulerLagSeconds:
    'P90 scheduler delay of DAG runs, seconds (Airflow; default 30)',
  snapshotCount: 'Live snapshots of the table (Iceberg; default 100)',
  smallFilePercent:
    'Small data files among all data files, percent (Iceberg; default 30)',
};

const inputSchema = (z: ZodImpl) =>
  z.object({
    entityRef: z
      .string()
      .describe('Catalog entity, e.g. component:default/daily-sales-etl'),
    type: z
      .enum(WORKLOAD_TYPES as ['spark-job', 'airflow-dag', 'iceberg-table'])
      .describe('Workload type: spark-job, airflow-dag or iceberg-table'),
    name: z
      .string()
      .optional()
      .describe(
        'Base name of the generated resources; default: the entity name',
      ),
    namespace: z.string().describe('Kubernetes namespace the workload runs in'),
    owner: z.string().describe('Owning group, e.g. group:default/sales-data'),
    environments: z
      .array(z.string())
      .min(1)
      .describe('Environments to render, e.g. [dev, prod]'),
    sloObjective: z
      .number()
      .optional()
      .describe('Availability objective in percent; default 99.9'),
    sloWindow: z
      .string()
      .optional()
      .describe('SLO period such as 30d; default 30d'),
    selector: z
      .string()
      .optional()
      .describe(
        'Prometheus label matchers of the workload, e.g. namespace="spark",app="daily-sales-etl"',
      ),
    identity: z
      .string()
      .optional()
      .describe(
        'Spark app name, Airflow DAG id or Iceberg table; default: the entity name',
      ),
    thresholds: z
      .object(
        Object.fromEntries(
          Object.entries(THRESHOLD_HELP).map(([k, help]) => [
            k,
            z.number().optional().describe(help),
          ]),
        ),
      )
      .strict()
      .optional()
      .describe('Overrides of the layer alert thresholds'),
    profile: z
      .record(z.string(), z.string())
      .optional()
      .describe(
        'Exporter profile per layer of the target environments (e.g. { "spark": "spark-standalone" }); the default stack when absent. See docs/metrics-catalogue.md',
      ),
    logIndex: z
      .string()
      .optional()
      .describe(
        'OpenSearch index pattern of the logs; default logs-<namespace>-*',
      ),
    logHotDays: z
      .number()
      .optional()
      .describe('Days on hot nodes before moving to cold; default 7'),
    logRetentionDays: z
      .number()
      .optional()
      .describe('Days before log indices are deleted; default 30'),
    resourceLabels: z
      .record(z.string())
      .optional()
      .describe(
        'Extra labels on the monitor and rules, e.g. what the operator ruleSelector matches',
      ),
    targetPath: z
      .string()
      .optional()
      .describe('Workspace folder of the bundle; default monitoring/<name>'),
    storage: z
      .string()
      .optional()
      .describe(
        'dataops.io/storage of the workload, e.g. s3:sales-lake,oracle:SALES_TS; storage alerts per item',
      ),
    runSla: z
      .string()
      .optional()
      .describe(
        'dataops.io/run-sla, e.g. 45m: warning past it, critical past SLA + 50%',
      ),
    runSlaByEnvironment: z
      .record(z.string())
      .optional()
      .describe('Run SLA per environment where it differs, e.g. { dev: 2h }'),
    argocdAppName: z
      .string()
      .optional()
      .describe("The workload's own Argo CD application, if it has one"),
    gitopsRepoUrl: z
      .string()
      .optional()
      .describe(
        'Git URL of the GitOps repository; when given, an Argo CD Application per environment syncs the bundle',
      ),
    gitopsRevision: z
      .string()
      .optional()
      .describe('Revision Argo CD syncs; default HEAD'),
    argocdProject: z
      .string()
      .optional()
      .describe('Argo CD project; default default'),
    argocdNamespace: z
      .string()
      .optional()
      .describe('Namespace Argo CD runs in; default argocd'),
    argocdServer: z
      .string()
      .optional()
      .describe(
        'Cluster API server the bundle is applied to; default https://kubernetes.default.svc',
      ),
  });

/** What the installation's configuration gives the render action. @public */
export interface MonitoringRenderActionOptions {
  /** `dataops.environments`: only these may be rendered; their data scope rules shape the annotations. */
  environments?: EnvironmentRules[];
  /** `dataops.storage.checks` overrides of the storage alerts, by check id. */
  storageChecks?: ReadonlyMap<string, StorageCheckSettings>;
}

/**
 * `dataops:monitoring:render`: writes one workload's monitoring bundle into the workspace.
 * @public
 */
export function createMonitoringRenderAction(
  options: MonitoringRenderActionOptions = {},
) {
  return createTemplateAction({
    id: 'dataops:monitoring:render',
    description:
      'Renders the monitoring bundle of a Spark job, Airflow DAG or Iceberg table: ServiceMonitor/PodMonitor, ' +
      'PrometheusRule with layer and SLO burn-rate alerts, OpenSearch log retention and kustomize overlays per environment.',
    examples,
    supportsDryRun: true,
    schema: {
      input: inputSchema,
      output: z =>
        z.object({
          directory: z.string().describe('Workspace folder of the bundle'),
          files: z
            .array(z.string())
            .describe('Workspace-relative paths of every generated file'),
          summary: z.string().describe('Markdown list of the generated files'),
          preview: z
            .string()
            .describe('Markdown with the content of every generated file'),
          identity: z
            .string()
            .describe(
              'Identity the alerts select: Spark app name, DAG id or table',
            ),
          selector: z
            .string()
            .describe('Prometheus label matchers injected into every alert'),
          logIndex: z
            .string()
            .describe('OpenSearch index pattern the log policies apply to'),
          annotations: z
            .record(z.string())
            .describe(
              'Every annotation the entity needs, .<env> overrides included: the input of dataops:catalog:annotate',
            ),
          notes: z
            .string()
            .describe('What the onboarding could not set up, as markdown'),
        }),
    },
    async handler(ctx) {
      const input = parseActionInput(inputSchema, ctx.input);
      const spec = buildBundleSpec(input, {
        environments: options.environments,
      });
      // Before writing: an annotation the catalog would refuse fails the step with nothing written.
      const { annotations, notes } = buildEntityAnnotations(
        spec,
        options.environments,
      );
      const files = renderBundle(spec, options);
      // The workspace of a dry run is thrown away afterwards, so writing is safe and shows every file.
      await writeWorkspaceFiles(ctx.workspacePath, files);
      ctx.logger.info(
        `Rendered ${files.length} monitoring files for ${spec.entityRef}`,
        { environments: spec.environments.join(',') },
      );
      ctx.output('directory', spec.directory);
      ctx.output(
        'files',
        files.map(f => f.path),
      );
      ctx.output('summary', files.map(f => `- \`${f.path}\``).join('\n'));
      // Lets a run without a pull request (no GitHub integration, as in the demo) still show every file.
      ctx.output(
        'preview',
        files
          .map(
            f =>
              `#### ${f.path}\n\n\`\`\`${
                f.path.endsWith('.json') ? 'json' : 'yaml'
              }\n${f.content}\`\`\``,
          )
          .join('\n\n'),
      );
      ctx.output('identity', spec.identity);
      ctx.output('selector', formatMatchers(spec.matchers));
      ctx.output('logIndex', spec.logIndex);
      ctx.output('annotations', annotations);
      ctx.output('notes', notes.map(n => `- ${n}`).join('\n'));
    },
  });
}
