import {
  dataOpsPlugin,
  EntityDataOpsAlertsCard,
  EntityDataOpsMetricsContent,
  EntityDataOpsSloContent,
} from './plugin';

describe('legacy plugin', () => {
  it('registers the dataops plugin with its API and routes', () => {
    expect(dataOpsPlugin.getId()).toBe('dataops');
    expect(Array.from(dataOpsPlugin.getApis()).map(a => a.api.id)).toEqual([
      'plugin.dataops.service',
    ]);
    expect(Object.keys(dataOpsPlugin.routes).sort()).toEqual([
      'deployments',
      'logs',
      'metrics',
      'observability',
      'slo',
      'storage',
    ]);
    expect(EntityDataOpsMetricsContent).toBeDefined();
    expect(EntityDataOpsAlertsCard).toBeDefined();
    expect(EntityDataOpsSloContent).toBeDefined();
  });
});
