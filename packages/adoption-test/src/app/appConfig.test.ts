import { parse } from 'yaml';
import { adoptionAppConfig, deepMerge } from './appConfig';
import type { ReadmeBlock } from '../readme/readmeBlocks';

const OPTIONS = {
  sandboxUrl: 'http://127.0.0.1:4100',
  backendPort: 4200,
  databasePrefix: 'dataops_adoption_1_2_',
  accessToken: 'a-static-token',
  catalogFile: '/app/examples/catalog/spark-jobs.yaml',
};

function configBlock(code: string): ReadmeBlock {
  return {
    id: 'config',
    readme: 'plugins/dataops-backend/README.md',
    line: 151,
    lang: 'yaml',
    code,
  };
}

describe('adoptionAppConfig', () => {
  it('points every source at the sandbox and adds what the test needs around the README config', () => {
    const result = adoptionAppConfig(
      configBlock(
        [
          'dataops:',
          '  alertPoller: { frequencySeconds: 60 }',
          '  environments:',
          '    - name: prod',
          '      thanos:',
          '        url: https://thanos-query.prod.example.com',
          '        headers:',
          '          Authorization: Bearer ${THANOS_TOKEN}',
          '      opensearch:',
          '        url: https://opensearch.prod.example.com',
          '        username: backstage',
          '        password: ${OPENSEARCH_PASSWORD}',
          "        allowedIndexPatterns: ['logs-*']",
          '      argocd:',
          '        - { name: prod-argocd, url: https://argocd.example.com, username: a, password: b }',
          '      alertmanager: { url: https://alertmanager.prod.example.com }',
          '      iceberg:',
          '        url: https://iceberg.example.com',
          '        token: ${ICEBERG_TOKEN}',
        ].join('\n'),
      ),
      OPTIONS,
    );
    const config = parse(result.yaml);
    expect(config.dataops).toEqual({
      alertPoller: { frequencySeconds: 60 },
      environments: [
        {
          name: 'prod',
          thanos: {
            url: 'http://127.0.0.1:4100/prod/prometheus',
            headers: { Authorization: 'Bearer ${THANOS_TOKEN}' },
          },
          opensearch: {
            url: 'http://127.0.0.1:4100/prod/opensearch',
            username: 'sandbox',
            password: 'sandbox-opensearch-password',
            allowedIndexPatterns: ['logs-*'],
          },
          argocd: [
            {
              name: 'prod-argocd',
              url: 'http://127.0.0.1:4100/prod/argocd',
              token: 'sandbox-argocd-token',
            },
          ],
          alertmanager: { url: 'http://127.0.0.1:4100/prod/alertmanager' },
          iceberg: {
            url: 'http://127.0.0.1:4100/prod/iceberg',
            token: 'sandbox-iceberg-token',
          },
        },
      ],
    });
    expect(config.backend).toEqual({
      baseUrl: 'http://127.0.0.1:4200',
      listen: { host: '127.0.0.1', port: 4200 },
      database: {
        client: 'pg',
        connection: { host: '127.0.0.1', port: 5432, user: 'postgres' },
        prefix: 'dataops_adoption_1_2_',
      },
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: 'a-static-token', subject: 'adoption-test' },
          },
        ],
      },
    });
    expect(config.catalog).toEqual({
      locations: [
        { type: 'file', target: '/app/examples/catalog/spark-jobs.yaml' },
      ],
    });
    expect(result.environments).toEqual([
      {
        readmeName: 'prod',
        name: 'prod',
        sources: ['thanos', 'opensearch', 'argocd', 'alertmanager', 'iceberg'],
      },
    ]);
    // Swapped credentials leave only the header's variable to substitute.
    expect(result.substitutions).toEqual(['THANOS_TOKEN']);
  });

  it('lets names the sandbox does not serve stand for one it does', () => {
    const result = adoptionAppConfig(
      configBlock(
        [
          'dataops:',
          '  environments:',
          '    - { name: production, thanos: { url: https://a } }',
          '    - { name: dev, alertmanager: { url: https://b } }',
          '    - { name: qa, thanos: { url: https://c } }',
        ].join('\n'),
      ),
      OPTIONS,
    );
    expect(result.environments.map(e => [e.readmeName, e.name])).toEqual([
      ['production', 'stage'],
      ['dev', 'dev'],
      ['qa', 'prod'],
    ]);
    expect(parse(result.yaml).dataops.environments[0].thanos.url).toBe(
      'http://127.0.0.1:4100/stage/prometheus',
    );
  });

  it('swaps the Argo CD plugin instance an environment reuses by name', () => {
    const config = parse(
      adoptionAppConfig(
        configBlock(
          [
            'argocd:',
            '  appLocatorMethods:',
            '    - type: config',
            '      instances:',
            '        - { name: main, url: https://argocd.example.com, username: u, password: p }',
            'dataops:',
            '  environments:',
            '    - { name: prod, argocd: [{ name: main }] }',
          ].join('\n'),
        ),
        OPTIONS,
      ).yaml,
    );
    expect(config.argocd.appLocatorMethods[0].instances[0]).toEqual({
      name: 'main',
      url: 'http://127.0.0.1:4100/prod/argocd',
      token: 'sandbox-argocd-token',
    });
    expect(config.dataops.environments[0].argocd).toEqual([{ name: 'main' }]);
  });

  it('names the block when it is not YAML or has no environments', () => {
    expect(() =>
      adoptionAppConfig(configBlock('dataops: [\n'), OPTIONS),
    ).toThrow(
      /^README block 'config' \(plugins\/dataops-backend\/README.md:151\): is not valid YAML/,
    );
    expect(() =>
      adoptionAppConfig(configBlock('dataops:\n  environments: []\n'), OPTIONS),
    ).toThrow(
      "README block 'config' (plugins/dataops-backend/README.md:151): has no dataops.environments list",
    );
    expect(() =>
      adoptionAppConfig(
        configBlock('dataops:\n  environments: [{ thanos: {} }]\n'),
        OPTIONS,
      ),
    ).toThrow('dataops.environments[0] has no name');
  });

  it('rejects more environments than the sandbox serves', () => {
    expect(() =>
      adoptionAppConfig(
        configBlock(
          'dataops:\n  environments: [{ name: a }, { name: b }, { name: c }, { name: d }]\n',
        ),
        OPTIONS,
      ),
    ).toThrow(
      'has more environments than the demo sandbox serves (dev, stage, prod)',
    );
  });
});

describe('deepMerge', () => {
  it('merges objects key by key and replaces everything else', () => {
    expect(
      deepMerge(
        { a: { b: 1, c: [1, 2] }, d: 'x' },
        { a: { c: [3], e: true }, d: { f: 1 } },
      ),
    ).toEqual({ a: { b: 1, c: [3], e: true }, d: { f: 1 } });
  });
});
