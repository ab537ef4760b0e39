import {
  buildErrorRatioQuery,
  buildGoodEventsQuery,
  buildSliQuery,
  buildSloData,
  buildTotalEventsQuery,
  computeBurnRate,
  DEFAULT_SLI_TEMPLATES,
  parseSelector,
  resolveSloPolicy,
  type SliQueryOptions,
  type SliTemplate,
} from '@dataops-observability/plugin-dataops-common';
import {
  counterSamples,
  queryInstant,
  startPrometheusWithHistory,
  toOpenMetrics,
  type PrometheusWithHistory,
  type SeriesHistory,
} from '@dataops-observability/plugin-dataops-test-utils';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;
// A fixed evaluation time on a whole hour a little in the past; four days of history end there.
const T = Math.floor(Date.now() / 1000 / HOUR) * HOUR - HOUR;
const START = T - 4 * DAY;
const EVENTS_PER_MINUTE = 1000;

/** Bad events per minute: spike = 6/min over the last 6h, 50/min over the last hour; slow = 15/min over the last 6h. */
const profiles = {
  spike: (t: number) => {
    if (t > T - HOUR) return 50;
    return t > T - 6 * HOUR ? 6 : 0;
  },
  slow: (t: number) => (t > T - 6 * HOUR ? 15 : 0),
};

function pair(
  good: { metric: string; labels: Record<string, string> },
  bad: { metric: string; labels: Record<string, string> },
  badPerMinute: (t: number) => number,
): SeriesHistory[] {
  const samples = (increment: (t: number) => number) =>
    counterSamples({ start: START, end: T, step: MINUTE, increment });
  return [
    { ...good, samples: samples(t => EVENTS_PER_MINUTE - badPerMinute(t)) },
    { ...bad, samples: samples(badPerMinute) },
  ];
}

const cases: Array<{
  name: string;
  template: SliTemplate;
  options: SliQueryOptions;
  profile: keyof typeof profiles;
}> = [
  {
    name: 'spark-job',
    template: DEFAULT_SLI_TEMPLATES['spark-job'],
    options: {
      matchers: parseSelector('namespace="spark",app="daily-sales-etl"'),
      identity: { sparkAppName: 'daily-sales-etl' },
    },
    profile: 'spike',
  },
  {
    name: 'airflow-dag',
    template: DEFAULT_SLI_TEMPLATES['airflow-dag'],
    options: {
      matchers: parseSelector('namespace="airflow"'),
      identity: { airflowDagId: 'sales_daily_pipeline' },
    },
    profile: 'spike',
  },
  {
    name: 'iceberg-table',
    template: DEFAULT_SLI_TEMPLATES['iceberg-table'],
    options: {
      matchers: parseSelector('namespace="iceberg"'),
      identity: { icebergTable: 'sales.daily_orders' },
    },
    profile: 'slow',
  },
];

const history: SeriesHistory[] = [
  ...pair(
    {
      metric: 'spark_application_success_count',
      labels: { namespace: 'spark', app: 'daily-sales-etl' },
    },
    {
      metric: 'spark_application_failure_count',
      labels: { namespace: 'spark', app: 'daily-sales-etl' },
    },
    profiles.spike,
  ),
  ...pair(
    {
      metric: 'airflow_dagrun_duration_count',
      labels: { namespace: 'airflow', dag_id: 'sales_daily_pipeline' },
    },
    {
      metric: 'airflow_dagrun_failed_count',
      labels: { namespace: 'airflow', dag_id: 'sales_daily_pipeline' },
    },
    profiles.spike,
  ),
  ...pair(
    {
      metric: 'iceberg_table_commits_total',
      labels: {
        namespace: 'iceberg',
        table: 'sales.daily_orders',
        on_time: 'true',
      },
    },
    {
      metric: 'iceberg_table_commits_total',
      labels: {
        namespace: 'iceberg',
        table: 'sales.daily_orders',
        on_time: 'false',
      },
    },
    profiles.slow,
  ),
  // Neighbours that fail all the time: counted only if identity or namespace matching were broken.
  ...pair(
    {
      metric: 'spark_application_success_count',
      labels: { namespace: 'spark', app: 'other-job' },
    },
    {
      metric: 'spark_application_failure_count',
      labels: { namespace: 'spark', app: 'other-job' },
    },
    () => 900,
  ),
  ...pair(
    {
      metric: 'airflow_dagrun_duration_count',
      labels: { namespace: 'airflow-dev', dag_id: 'sales_daily_pipeline' },
    },
    {
      metric: 'airflow_dagrun_failed_count',
      labels: { namespace: 'airflow-dev', dag_id: 'sales_daily_pipeline' },
    },
    () => 900,
  ),
];

// Worked out by hand from the profiles (1000 events a minute; 4 days = 5760 one-minute increments):
// spike: bad = 60 x 50 + 300 x 6 = 4800 in the last 6h; slow: bad = 360 x 15 = 5400.
const expected = {
  spike: {
    ratios: {
      '5m': 0.05,
      '30m': 0.05,
      '1h': 0.05,
      '2h': (60 * 50 + 60 * 6) / 120_000,
      '6h': 4800 / 360_000,
      '1d': 4800 / 1_440_000,
      '3d': 4800 / 4_320_000,
    },
    burnRates: {
      '5m': 50,
      '30m': 50,
      '1h': 50,
      '2h': 28,
      '6h': 13.3333,
      '1d': 3.33333,
      '3d': 1.11111,
    },
    good: 5_760_000 - 4800,
    total: 5_760_000,
    sli: 1 - 1 / 1200,
    consumedFraction: 5 / 6,
    consumedMinutes: 36,
    remainingMinutes: 7.2,
    // 1/6 of the budget left x 720 h / 50
    exhaustionHours: 2.4,
    firing: { P1: true, P2: true },
    level: 'critical',
  },
  slow: {
    ratios: {
      '5m': 0.015,
      '30m': 0.015,
      '1h': 0.015,
      '2h': 0.015,
      '6h': 0.015,
      '1d': 5400 / 1_440_000,
      '3d': 5400 / 4_320_000,
    },
    burnRates: {
      '5m': 15,
      '30m': 15,
      '1h': 15,
      '2h': 15,
      '6h': 15,
      '1d': 3.75,
      '3d': 1.25,
    },
    good: 5_760_000 - 5400,
    total: 5_760_000,
    sli: 1 - 5400 / 5_760_000,
    consumedFraction: 0.9375,
    consumedMinutes: 40.5,
    remainingMinutes: 2.7,
    // 0.0625 x 720 h / 15
    exhaustionHours: 3,
    firing: { P1: false, P2: true },
    level: 'warning',
  },
};

describe('SLO queries and math against a real Prometheus with backfilled history', () => {
  let prometheus: PrometheusWithHistory | undefined;
  const policy = resolveSloPolicy();

  beforeAll(async () => {
    prometheus = await startPrometheusWithHistory(toOpenMetrics(history));
  }, 300_000);

  afterAll(async () => {
    await prometheus?.stop();
  }, 60_000);

  async function scalar(query: string): Promise<number> {
    const result = await queryInstant(prometheus!.url, query, T);
    expect(result).toHaveLength(1);
    return result[0].value;
  }

  describe.each(cases)('$name', ({ template, options, profile }) => {
    const want = expected[profile];

    it('error ratios and burn rates per window match the hand-computed values', async () => {
      for (const [window, ratio] of Object.entries(want.ratios)) {
        const measured = await scalar(
          buildErrorRatioQuery(template, window, options),
        );
        expect(measured).toBeCloseTo(ratio, 9);
        expect(computeBurnRate(measured, policy.budgetRatio)).toBeCloseTo(
          want.burnRates[window as keyof typeof want.burnRates],
          3,
        );
      }
    }, 120_000);

    it('SLI, budget, exhaustion, alerts and level over the 30-day period match', async () => {
      const good = await scalar(buildGoodEventsQuery(template, '30d', options));
      const total = await scalar(
        buildTotalEventsQuery(template, '30d', options),
      );
      expect(good).toBeCloseTo(want.good, 6);
      expect(total).toBeCloseTo(want.total, 6);
      expect(await scalar(buildSliQuery(template, '30d', options))).toBeCloseTo(
        want.sli,
        12,
      );

      const errorRatios: Record<string, number> = {};
      for (const window of policy.reportedWindows) {
        errorRatios[window] = await scalar(
          buildErrorRatioQuery(template, window, options),
        );
      }
      const { data } = buildSloData({
        policy,
        sliName: template.name,
        periodCounts: { good, total },
        errorRatios,
      });
      expect(data.sli).toBeCloseTo(want.sli, 12);
      expect(data.errorBudget.totalMinutes).toBe(43.2);
      expect(data.errorBudget.consumedFraction).toBeCloseTo(
        want.consumedFraction,
        9,
      );
      expect(data.errorBudget.consumedMinutes).toBeCloseTo(
        want.consumedMinutes,
        6,
      );
      expect(data.errorBudget.remainingMinutes).toBeCloseTo(
        want.remainingMinutes,
        6,
      );
      expect(data.errorBudget.exhaustionHours).toBeCloseTo(
        want.exhaustionHours,
        6,
      );
      expect(
        Object.fromEntries(data.alerts.map(a => [a.priority, a.firing])),
      ).toEqual(want.firing);
      expect(data.level).toBe(want.level);
    }, 120_000);
  });

  it('answers "not collected" (empty) rather than a number for an identity without series', async () => {
    const iceberg = cases.find(c => c.name === 'iceberg-table')!;
    const query = buildErrorRatioQuery(iceberg.template, '1h', {
      ...iceberg.options,
      identity: { icebergTable: 'never.written' },
    });
    expect(await queryInstant(prometheus!.url, query, T)).toEqual([]);
    // Several total counters (success and failure): empty too when none of them exists.
    const [spark] = cases;
    const sparkQuery = buildErrorRatioQuery(spark.template, '1h', {
      ...spark.options,
      identity: { sparkAppName: 'never-ran' },
    });
    expect(await queryInstant(prometheus!.url, sparkQuery, T)).toEqual([]);
  }, 60_000);
});
