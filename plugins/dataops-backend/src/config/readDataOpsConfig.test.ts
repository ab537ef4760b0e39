import { ConfigReader } from '@backstage/config';
import { readDataOpsConfig } from './readDataOpsConfig';

const read = (dataops: unknown) =>
  readDataOpsConfig(new ConfigReader({ dataops } as any));

describe('readDataOpsConfig', () => {
  it('reads every source with defaults', () => {
    const config = read({
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
    expect(prod.thanos).toMatchObject({
      url: 'http://thanos/prefix',
      dedup: true,
      partialResponse: false,
      extraMatchers: [{ name: 'env', op: '=', value: 'prod' }],
    });
    expect(prod.opensearch).toMatchObject({
      timestampField: '@timestamp',
      levelField: 'level',
      sensitiveFields: [],
    });
    expect(prod.argocd.map(a => a.name)).toEqual(['a', 'b']);
    expect(dev).toMatchObject({
      name: 'dev',
      argocd: [],
      thanos: undefined,
      opensearch: undefined,
      alertmanager: undefined,
    });
    expect(config.priorities.critical).toBe('P1');
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
      readDataOpsConfig(
        new ConfigReader({
          argocd,
          dataops: { environments: [{ name: 'prod', argocd: items }] },
        } as any),
      ).environments[0].argocd;

    it('reuses an instance named without a url, with its own token', () => {
      expect(readWith(shared, [{ name: 'with-token' }])).toEqual([
        {
          name: 'with-token',
          url: 'http://argo-a',
          token: 'tok',
          username: undefined,
          password: undefined,
          maxConcurrency: 8,
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

  it('is empty without configuration', () => {
    expect(readDataOpsConfig(new ConfigReader({})).environments).toEqual([]);
  });

  it.each([
    [[{ name: 'bad name' }], /Invalid dataops environment #0 'bad name'/],
    [[{ name: 'a' }, { name: 'a' }], /'a': duplicate name/],
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
    [[{ name: 'p', timeoutMs: 0 }], /timeoutMs/],
    [[{ name: 'p', maxResponseBytes: 100 }], /maxResponseBytes/],
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
    expect(() => read({ environments })).toThrow(message);
  });

  it('validates priorities and panel templates', () => {
    expect(() =>
      read({ environments: [], priorities: { critical: 'P9' } }),
    ).toThrow(/priorities.critical/);
    expect(() =>
      read({
        environments: [],
        panels: { 'spark-job': [{ id: 'x', query: 'sum(' }] },
      }),
    ).toThrow(/panel spark-job\[0\] 'x': query template does not parse/);
    expect(
      read({ environments: [], priorities: { page: 'P1' } }).priorities.page,
    ).toBe('P1');
  });
});
