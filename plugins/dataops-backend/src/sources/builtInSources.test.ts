import { DEFAULT_SOURCE_CONCURRENCY } from '@dataops-observability/plugin-dataops-node';
import { readConfigWithSources } from '../__testUtils__';

const readAll = (dataops: unknown) => readConfigWithSources({ dataops } as any);

describe('built-in sources of each environment', () => {
  it('reads every source with defaults', () => {
    const { config, sources } = readAll({
      environments: [
        {
          name: 'prod',
          thanos: {
            url: 'http://thanos/prefix/',
            dedup: true,
            partialResponse: false,
            extraSelector: 'env="prod"',
          },
          opensearch: {
            url: 'http://os',
            username: 'u',
            password: 'p',
            allowedIndexPatterns: ['logs-*'],
          },
          argocd: [
            { name: 'a', url: 'http://argo', token: 't' },
            { name: 'b', url: 'http://argo2', username: 'u', password: 'p' },
          ],
          alertmanager: { url: 'http://am' },
        },
        { name: 'dev' },
      ],
    });
    const [prod, dev] = config.environments;
    expect(prod.timeoutMs).toBe(10000);
    expect(prod.maxResponseBytes).toBe(20 * 1024 * 1024);
    const of = (env: string, id: string) => sources.config<any>(env, id);
    expect(of('prod', 'thanos')).toMatchObject({
      url: 'http://thanos/prefix',
      dedup: true,
      partialResponse: false,
      extraMatchers: [{ name: 'env', op: '=', value: 'prod' }],
    });
    expect(of('prod', 'opensearch')).toMatchObject({
      timestampField: '@timestamp',
      levelField: 'level',
      sensitiveFields: [],
    });
    expect(of('prod', 'argocd').map((a: any) => a.name)).toEqual(['a', 'b']);
    expect(dev).toMatchObject({ name: 'dev' });
    for (const id of ['argocd', 'thanos', 'opensearch', 'alertmanager']) {
      expect(of('dev', id)).toBeUndefined();
    }
    expect(config.priorities.severities.get('critical')).toBe('P1');
    expect(config.hiddenAlerts).toEqual(['Watchdog', 'InfoInhibitor']);
  });

  describe("Argo CD instances of the community plugin's argocd.appLocatorMethods", () => {
    const shared = {
      username: 'shared-user',
      password: 'shared-password',
      appLocatorMethods: [
        { type: 'other', instances: [{ name: 'ignored', url: 'http://no' }] },
        {
          type: 'config',
          instances: [
            { name: 'with-token', url: 'http://argo-a/', token: 'tok' },
            { name: 'no-credentials', url: 'http://argo-b' },
          ],
        },
      ],
    };
    const readWith = (argocd: unknown, items: unknown[]) =>
      readConfigWithSources({
        argocd,
        dataops: { environments: [{ name: 'prod', argocd: items }] },
      } as any).sources.config<any>('prod', 'argocd');

    it('reuses an instance named without a url, with its own token', () => {
      expect(readWith(shared, [{ name: 'with-token' }])).toEqual([
        {
          name: 'with-token',
          url: 'http://argo-a',
          // Argo CD serves its UI where it serves its API, unless `uiUrl` says otherwise.
          uiUrl: 'http://argo-a',
          token: 'tok',
          username: undefined,
          password: undefined,
          maxConcurrency: DEFAULT_SOURCE_CONCURRENCY,
          entityScope: undefined,
        },
      ]);
    });

    it('falls back to the top-level username and password', () => {
      expect(readWith(shared, [{ name: 'no-credentials' }])[0]).toMatchObject({
        url: 'http://argo-b',
        token: undefined,
        username: 'shared-user',
        password: 'shared-password',
      });
    });

    it('keeps an item with its own url as it is', () => {
      expect(
        readWith(shared, [
          { name: 'with-token', url: 'http://mine', token: 'mine' },
        ])[0],
      ).toMatchObject({ url: 'http://mine', token: 'mine' });
    });

    it('names the missing instance and the known ones', () => {
      expect(() => readWith(shared, [{ name: 'ignored' }])).toThrow(
        "Invalid dataops environment 'prod': argocd[0] 'ignored': has no url, and argocd.appLocatorMethods has no instance named 'ignored' (known: with-token, no-credentials)",
      );
      expect(() => readWith(undefined, [{ name: 'x' }])).toThrow(
        /no instance named 'x' \(known: none\)/,
      );
    });
  });

  it.each([
    [
      [{ name: 'p', thanos: { url: 'ftp://x' } }],
      /'p': thanos.url must be http or https/,
    ],
    [
      [{ name: 'p', thanos: { url: 'http://u:pw@x' } }],
      /must not contain credentials/,
    ],
    [
      [{ name: 'p', thanos: { url: 'http://x', extraSelector: 'up' } }],
      /'p': thanos.extraSelector/,
    ],
    [
      [
        {
          name: 'p',
          opensearch: { url: 'http://x', allowedIndexPatterns: [] },
        },
      ],
      /allowedIndexPatterns must not be empty/,
    ],
    [
      [
        {
          name: 'p',
          opensearch: {
            url: 'http://x',
            allowedIndexPatterns: ['logs-*,secret'],
          },
        },
      ],
      /not a lowercase index pattern/,
    ],
    [
      [
        {
          name: 'p',
          opensearch: {
            url: 'http://x',
            username: 'u',
            allowedIndexPatterns: ['l*'],
          },
        },
      ],
      /both username and password/,
    ],
    [
      [{ name: 'p', argocd: [{ name: 'a', url: 'http://x' }] }],
      /argocd\[0\] 'a': needs token/,
    ],
    [
      [
        {
          name: 'p',
          argocd: [
            {
              name: 'a',
              url: 'http://x',
              token: 't',
              username: 'u',
              password: 'p',
            },
          ],
        },
      ],
      /either token or username/,
    ],
  ])('rejects %j', (environments, message) => {
    expect(() => readAll({ environments })).toThrow(message);
  });
});
