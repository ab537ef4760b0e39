import { ConfigReader } from '@backstage/config';
import { AlertmanagerTopology } from './AlertmanagerTopology';
import { readAlertmanagerSettings } from './readAlertmanagerConfig';

const env = (name: string, alertmanager?: object) => ({
  name,
  raw: new ConfigReader({ name, ...(alertmanager ? { alertmanager } : {}) }),
});

describe('AlertmanagerTopology', () => {
  const shared = { url: 'http://am:9093' };
  const environments = [
    env('dev', shared),
    env('stage', shared),
    env('prod', { url: 'http://am:9093', headers: { authorization: 'x' } }),
    env('qa'),
  ];
  const topology = AlertmanagerTopology.of(environments);

  it('groups environments by URL and headers, in configuration order', () => {
    expect(topology.upstreams.map(u => u.environments)).toEqual([
      ['dev', 'stage'],
      ['prod'],
    ]);
    expect(AlertmanagerTopology.of(environments)).toBe(topology);
  });

  it('attributes an alert to the configured environment its env label names, else to the returning one', () => {
    expect(topology.attribute({ env: 'stage' }, 'dev')).toBe('stage');
    expect(topology.attribute({ env: 'qa' }, 'dev')).toBe('qa');
    expect(topology.attribute({ env: 'staging' }, 'stage')).toBe('dev');
    expect(topology.attribute({}, 'stage')).toBe('dev');
    expect(topology.attribute({}, 'prod')).toBe('prod');
  });

  it.each(Object.getOwnPropertyNames(Object.prototype))(
    'treats an env label %s as data',
    key => {
      expect(topology.attribute({ env: key }, 'prod')).toBe('prod');
      expect(topology.attribute(Object.create(null), 'prod')).toBe('prod');
    },
  );

  it('reads the env label name per Alertmanager', () => {
    const custom = AlertmanagerTopology.of([
      env('dev', { url: 'http://a', envLabel: 'environment' }),
      env('prod', { url: 'http://b' }),
    ]);
    expect(custom.attribute({ environment: 'prod', env: 'dev' }, 'dev')).toBe(
      'prod',
    );
    expect(custom.identifyingLabels('dev')).toEqual([
      'namespace',
      'app',
      'job',
    ]);
  });

  it('rejects an env label or identifying label that is not a label name', () => {
    expect(() =>
      readAlertmanagerSettings(
        new ConfigReader({
          alertmanager: { url: 'http://a', envLabel: 'a-b' },
        }),
      ),
    ).toThrow(/Invalid alertmanager.envLabel: 'a-b'/);
    expect(() =>
      readAlertmanagerSettings(
        new ConfigReader({
          alertmanager: { url: 'http://a', identifyingLabels: [] },
        }),
      ),
    ).toThrow(/identifyingLabels: name at least one label/);
    expect(() =>
      readAlertmanagerSettings(
        new ConfigReader({
          alertmanager: {
            url: 'http://a',
            identifyingLabels: Array.from({ length: 9 }, (_, i) => `l${i}`),
          },
        }),
      ),
    ).toThrow(/at most 8 labels/);
  });
});
