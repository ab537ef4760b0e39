import { ConfigReader } from '@backstage/config';
import { readSloConfig } from './readSloConfig';

const read = (slo: unknown) =>
  readSloConfig(
    slo === undefined ? undefined : new ConfigReader(slo as any, 'slo'),
  );

describe('readSloConfig', () => {
  it('defaults to raw counters, the default policy and templates', () => {
    expect(read(undefined)).toEqual({
      useRecordingRules: false,
      policy: {},
      templates: {},
    });
  });

  it('reads policy overrides, recording rules and a template per type', () => {
    const config = read({
      useRecordingRules: true,
      policy: {
        objective: 99.5,
        period: '28d',
        alerts: [
          {
            name: 'FastBurn',
            budgetConsumed: 0.02,
            longWindow: '1h',
            priority: 'P1',
            severity: 'critical',
          },
        ],
      },
      templates: {
        'kafka-topic': {
          id: 'kafka-delivery',
          goodEvents: ['kafka_delivered_total{topic="${kubernetesId}"}'],
          totalEvents: ['kafka_sent_total{topic="${kubernetesId}"}'],
        },
      },
    });
    expect(config.useRecordingRules).toBe(true);
    expect(config.policy).toMatchObject({ objective: 99.5, period: '28d' });
    expect(config.policy.alerts![0]).toMatchObject({
      name: 'FastBurn',
      budgetConsumed: 0.02,
    });
    expect(config.templates['kafka-topic']).toMatchObject({
      id: 'kafka-delivery',
      entityType: 'kafka-topic',
      name: 'kafka-delivery',
    });
  });

  it.each([
    [
      { policy: { period: 'monthly' } },
      /Invalid dataops.slo: Invalid window 'monthly'/,
    ],
    [
      { policy: { period: '2h' } },
      /alert 'SloErrorBudgetSlowBurn'.*exceeds the period 2h/,
    ],
    [
      {
        templates: {
          x: { id: 'x', goodEvents: ['sum(a)'], totalEvents: ['b'] },
        },
      },
      /Invalid SLI template 'x'.*single vector selector/,
    ],
  ])('fails at start-up naming the problem (%#)', (slo, message) => {
    expect(() => read(slo)).toThrow(message);
  });
});
