import { DEFAULT_THRESHOLDS, layerAlertExpression } from './layerAlerts';

describe('layerAlertExpression', () => {
  it('gives the template with the thresholds applied and no entity matchers', () => {
    expect(layerAlertExpression('DataOpsCpuHigh')).toMatch(/> 0\.85$/);
    expect(
      layerAlertExpression('DataOpsCpuHigh', {
        ...DEFAULT_THRESHOLDS,
        cpuPercent: 50,
      }),
    ).toMatch(/> 0\.5$/);
    expect(layerAlertExpression('DataOpsOomKilled')).toContain(
      'kube_pod_container_status_last_terminated_reason{reason="OOMKilled"}',
    );
  });

  it('names an unknown alert', () => {
    expect(() => layerAlertExpression('NoSuchAlert')).toThrow(
      'no layer alert named NoSuchAlert',
    );
  });
});
