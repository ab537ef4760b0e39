import { ConfigReader } from '@backstage/config';
import { readArgoCdConfig } from './argocd/readArgoCdConfig';
import { readOpenSearchConfig } from './opensearch/readOpenSearchConfig';

function context(env: Record<string, unknown>) {
  const config = new ConfigReader({ name: 'dev', ...env });
  return { envName: 'dev', config, rootConfig: new ConfigReader({}) };
}

const OPENSEARCH = {
  url: 'http://opensearch.test',
  allowedIndexPatterns: ['logs-{namespace}-*', 'audit-*'],
};
const ARGOCD = [{ name: 'dev-argocd', url: 'http://argocd.test', token: 't' }];

describe('entityScope of an environment', () => {
  it('reaches the OpenSearch and Argo CD sources, with index templates', () => {
    const scope = {
      logFilter: 'kubernetes.labels.app:{name}',
      appSelector: 'backstage.io/kubernetes-id={name}',
    };
    const env = { opensearch: OPENSEARCH, argocd: ARGOCD, entityScope: scope };
    expect(readOpenSearchConfig(context(env))).toMatchObject({
      allowedIndexPatterns: ['logs-{namespace}-*', 'audit-*'],
      entityScope: scope,
    });
    expect(readArgoCdConfig(context(env))?.[0].entityScope).toEqual(scope);
    expect(
      readOpenSearchConfig(context({ opensearch: OPENSEARCH }))?.entityScope,
    ).toBeUndefined();
  });

  it.each([
    [
      { logFilter: 'kubernetes.labels.app:daily-sales-etl' },
      "Invalid dataops environment 'dev': entityScope.logFilter: 'kubernetes.labels.app:daily-sales-etl' does not bind to the entity: its value must use {name}, {namespace} or {kind}",
    ],
    [
      { appSelector: '!backstage.io/kubernetes-id' },
      "Invalid dataops environment 'dev': entityScope.appSelector: '!backstage.io/kubernetes-id' does not bind to the entity: its value must use {name}, {namespace} or {kind}",
    ],
    [
      { logFilter: 'app:{owner}' },
      "Invalid dataops environment 'dev': entityScope.logFilter: 'app:{owner}' uses unknown variables {owner} (known: {name}, {namespace}, {kind}, {env})",
    ],
  ])('stops the backend on %j, naming the key', (scope, message) => {
    const env = { opensearch: OPENSEARCH, argocd: ARGOCD, entityScope: scope };
    expect(() => readOpenSearchConfig(context(env))).toThrow(message);
    expect(() => readArgoCdConfig(context(env))).toThrow(message);
  });

  it.each(['logs-*,secrets-*', 'logs-{team}-*', 'Logs-*', '-logs*'])(
    'refuses the allowed index pattern %j',
    pattern => {
      expect(() =>
        readOpenSearchConfig(
          context({
            opensearch: { ...OPENSEARCH, allowedIndexPatterns: [pattern] },
          }),
        ),
      ).toThrow(/^opensearch\.allowedIndexPatterns: /);
    },
  );
});
