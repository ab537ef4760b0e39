import { DEFAULT_SOURCE_CONCURRENCY } from '@dataops-observability/plugin-dataops-node';
import { readConfigWithSources } from '../../__testUtils__';

describe('iceberg environment config', () => {
  const read = (iceberg: object) =>
    readConfigWithSources({
      dataops: { environments: [{ name: 'prod', iceberg }] },
    }).sources.config('prod', 'iceberg');

  it('reads the catalog with defaults and validates the prefix', () => {
    expect(
      read({ url: 'http://cat/', token: 't', warehouse: 'lake', prefix: 'p1' }),
    ).toEqual({
      url: 'http://cat',
      token: 't',
      warehouse: 'lake',
      prefix: 'p1',
      maxConcurrency: DEFAULT_SOURCE_CONCURRENCY,
    });
    expect(() => read({ url: 'http://cat', prefix: '../x' })).toThrow(
      "Invalid dataops environment 'prod': iceberg.prefix '../x' may only contain letters, digits, _ . -",
    );
    expect(() => read({ url: 'ftp://cat' })).toThrow(
      /iceberg.url must be http or https/,
    );
  });
});
