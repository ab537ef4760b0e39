import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { resolveEntitySlo } from './resolveEntitySlo';

const CONFIG = { useRecordingRules: false, policy: {}, templates: {} };

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'daily-sales-etl',
      annotations: {
        'dataops.io/spark-app-name': 'daily-sales-etl',
        'dataops.io/prometheus-selector': 'namespace="spark"',
        ...annotations,
      },
    },
    spec: { type: 'spark-job' },
  };
}

describe('resolveEntitySlo: the SLO period is bounded', () => {
  it.each(['6h', '30d', '90d', '12w'])('accepts %s', window => {
    expect(
      resolveEntitySlo(
        entity({ 'dataops.io/slo-window': window }),
        'prod',
        CONFIG,
      ).policy.period,
    ).toBe(window);
  });

  it.each([
    ['13w', "Invalid SLO period '13w': at most 90d"],
    ['365d', "Invalid SLO period '365d': at most 90d"],
    ['1000d', "Invalid SLO period '1000d': at most 90d"],
    ['5h', "Invalid SLO period '5h': at least 6h"],
  ])('refuses %s with a 400 naming the key in force', (window, message) => {
    const run = () =>
      resolveEntitySlo(
        entity({ 'dataops.io/slo-window.prod': window }),
        'prod',
        CONFIG,
      );
    expect(run).toThrow(InputError);
    expect(run).toThrow(
      `Bad annotation dataops.io/slo-window.prod: ${message}`,
    );
  });
});
