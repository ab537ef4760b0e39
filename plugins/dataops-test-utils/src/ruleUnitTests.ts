/**
 * The parts of a Prometheus rules file these helpers read. Structural, so that any generator's output
 * (ours or an adopter's) can be checked without this package depending on it.
 * @public
 */
export interface RulesFileShape {
  /** Rule groups; only their alerting and recording rules are read. */
  groups: Array<{
    rules: Array<{
      alert?: string;
      record?: string;
      labels?: Record<string, string>;
      annotations?: Record<string, string>;
    }>;
  }>;
}

type AlertingRule = {
  alert: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
};

/** A stretch of traffic with a constant error rate. @public */
export interface BurnPhase {
  /** Length of the stretch in minutes. */
  minutes: number;
  /** Events counted per minute. */
  eventsPerMinute: number;
  /** Of those, failed events per minute. */
  badPerMinute: number;
}

/** Traffic built to make some burn-rate alerts fire and others not, checked at the end of the last phase. @public */
export interface BurnScenario {
  /** Name of the scenario, shown in test titles and failure messages. */
  name: string;
  /** Stretches of traffic, in time order. */
  phases: BurnPhase[];
  /** Names of the alerts that must be firing at the end; every other alert must not be. */
  expectFiring: string[];
}

/**
 * Values of a counter in promtool's expanding notation (`a+bxn`), starting at 0 and growing by
 * `increment` per minute for `minutes` minutes in each stretch.
 * @public
 */
export function seriesValues(
  stretches: Array<{ minutes: number; increment: number }>,
): string {
  const parts = ['0'];
  let value = 0;
  for (const { minutes, increment } of stretches) {
    if (!Number.isInteger(minutes) || minutes < 1) {
      throw new Error(
        `A stretch needs a whole number of minutes, got ${minutes}`,
      );
    }
    const first = value + increment;
    parts.push(
      minutes === 1 ? `${first}` : `${first}+${increment}x${minutes - 1}`,
    );
    value += increment * minutes;
  }
  return parts.join(' ');
}

function isAlert(rule: unknown): rule is AlertingRule {
  return typeof (rule as AlertingRule).alert === 'string';
}

/**
 * A `promtool test rules` file checking the generated alerts against scenarios. Good and bad events go
 * to two counter series (written as PromQL series notation, with the labels the rules select on); at
 * the end of each scenario every alert of `rules` is expected to fire, with its exact labels and
 * annotations, or to stay silent.
 * @public
 */
export function buildBurnRateUnitTests(options: {
  ruleFiles: string[];
  rules: RulesFileShape;
  goodSeries: string;
  badSeries: string;
  scenarios: BurnScenario[];
}): Record<string, unknown> {
  const alerts = options.rules.groups.flatMap(g => g.rules.filter(isAlert));
  const known = new Set(alerts.map(a => a.alert));
  return {
    rule_files: options.ruleFiles,
    evaluation_interval: '1m',
    tests: options.scenarios.map(scenario => {
      for (const name of scenario.expectFiring) {
        if (!known.has(name)) {
          throw new Error(
            `Scenario '${scenario.name}' expects unknown alert '${name}'`,
          );
        }
      }
      const minutes = scenario.phases.reduce((sum, p) => sum + p.minutes, 0);
      return {
        name: scenario.name,
        interval: '1m',
        input_series: [
          {
            series: options.goodSeries,
            values: seriesValues(
              scenario.phases.map(p => ({
                minutes: p.minutes,
                increment: p.eventsPerMinute - p.badPerMinute,
              })),
            ),
          },
          {
            series: options.badSeries,
            values: seriesValues(
              scenario.phases.map(p => ({
                minutes: p.minutes,
                increment: p.badPerMinute,
              })),
            ),
          },
        ],
        alert_rule_test: alerts.map(alert => ({
          eval_time: `${minutes}m`,
          alertname: alert.alert,
          exp_alerts: scenario.expectFiring.includes(alert.alert)
            ? [{ exp_labels: alert.labels, exp_annotations: alert.annotations }]
            : [],
        })),
      };
    }),
  };
}
