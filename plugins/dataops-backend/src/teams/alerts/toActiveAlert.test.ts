import { DEFAULT_PRIORITY_MAPPING } from '@dataops-observability/plugin-dataops-common';
import { toActiveAlert, toStringMap } from './toActiveAlert';

describe('toActiveAlert', () => {
  it('takes the priority label over the severity', () => {
    const alert = toActiveAlert(
      {
        labels: {
          alertname: 'SloErrorBudgetSlowBurn',
          severity: 'warning',
          priority: 'P2',
        },
      },
      DEFAULT_PRIORITY_MAPPING,
    );
    expect(alert.priority).toBe('P2');
    expect(alert.severity).toBe('warning');
  });

  it.each(Object.getOwnPropertyNames(Object.prototype))(
    'keeps a label named %s as an own string, reads nothing inherited',
    key => {
      const alert = toActiveAlert(
        { labels: JSON.parse(`{"${key}":"v","severity":"${key}"}`) },
        DEFAULT_PRIORITY_MAPPING,
      );
      expect(alert.priority).toBe('P3');
      expect(Object.keys(alert.labels).sort()).toEqual(
        [key, 'severity'].sort(),
      );
      expect(alert.name).toBe('unnamed');
      expect(alert.summary).toBe('unnamed');
    },
  );

  it('survives answers of the wrong shape', () => {
    for (const raw of [null, 1, 'x', [], { labels: [1] }, { status: 7 }]) {
      const alert = toActiveAlert(raw, DEFAULT_PRIORITY_MAPPING);
      expect(alert).toMatchObject({ name: 'unnamed', state: 'active' });
    }
    expect(
      toActiveAlert(
        { status: { state: 'constructor', silencedBy: 'x' } },
        DEFAULT_PRIORITY_MAPPING,
      ),
    ).toMatchObject({ state: 'active' });
    expect(toStringMap({ a: 1, b: 'x' })).toEqual({ b: 'x' });
  });
});
