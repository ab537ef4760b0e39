import { DEFAULT_SOURCE_CONCURRENCY } from '@dataops-observability/plugin-dataops-node';
import { readConfigWithSources } from '../../__testUtils__';

describe('airflow environment config', () => {
  const read = (airflow: object) =>
    readConfigWithSources({
      dataops: { environments: [{ name: 'prod', airflow }] },
    }).sources.config('prod', 'airflow');

  it('reads the webserver with basic auth, the UI defaulting to the webserver', () => {
    expect(
      read({ url: 'http://af:8080/', username: 'u', password: 'p' }),
    ).toEqual({
      url: 'http://af:8080',
      uiUrl: 'http://af:8080',
      auth: { kind: 'basic', username: 'u', password: 'p' },
      maxConcurrency: DEFAULT_SOURCE_CONCURRENCY,
    });
  });

  it('reads a token and a separate UI address', () => {
    expect(
      read({
        url: 'http://af',
        token: 't',
        uiUrl: 'https://airflow.example/',
        maxConcurrency: 4,
      }),
    ).toEqual({
      url: 'http://af',
      uiUrl: 'https://airflow.example',
      auth: { kind: 'token', token: 't' },
      maxConcurrency: 4,
    });
  });

  it.each([
    [
      { url: 'http://af', username: 'u' },
      'airflow needs both username and password, or neither',
    ],
    [
      { url: 'http://af', username: 'u', password: 'p', token: 't' },
      'airflow takes username/password or token, not both',
    ],
    [{ url: 'ftp://af' }, 'airflow.url must be http or https'],
    [
      { url: 'http://af', uiUrl: 'file:///etc/passwd' },
      'airflow.uiUrl.url must be http or https',
    ],
    [{ url: 'http://u:p@af' }, 'airflow.url must not contain credentials'],
  ])('refuses %j', (airflow, message) => {
    expect(() => read(airflow)).toThrow(
      `Invalid dataops environment 'prod': ${message}`,
    );
  });

  it('leaves an environment without airflow unconfigured', () => {
    expect(
      readConfigWithSources({
        dataops: { environments: [{ name: 'dev' }] },
      }).sources.config('dev', 'airflow'),
    ).toBeUndefined();
  });
});
