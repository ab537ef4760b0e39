import { DEFAULT_SOURCE_CONCURRENCY } from '@dataops-observability/plugin-dataops-node';
import { readConfigWithSources } from '../../__testUtils__';

describe('sparkHistory environment config', () => {
  const read = (sparkHistory: object) =>
    readConfigWithSources({
      dataops: { environments: [{ name: 'prod', sparkHistory }] },
    }).sources.config('prod', 'sparkHistory');

  it('reads the server, the UI defaulting to it', () => {
    expect(read({ url: 'http://shs:18080/' })).toEqual({
      url: 'http://shs:18080',
      uiUrl: 'http://shs:18080',
      token: undefined,
      maxConcurrency: DEFAULT_SOURCE_CONCURRENCY,
    });
    expect(
      read({ url: 'http://shs', uiUrl: 'https://spark.example/', token: 't' }),
    ).toMatchObject({
      uiUrl: 'https://spark.example',
      token: 't',
    });
  });

  it.each([
    [{ url: 'ftp://shs' }, 'sparkHistory.url must be http or https'],
    [
      { url: 'http://shs', uiUrl: 'file:///x' },
      'sparkHistory.uiUrl.url must be http or https',
    ],
  ])('refuses %j', (sparkHistory, message) => {
    expect(() => read(sparkHistory)).toThrow(
      `Invalid dataops environment 'prod': ${message}`,
    );
  });
});
