import {
  DEFAULT_PROFILE_SELECTION,
  EXPORTER_PROFILES,
  PROFILE_LAYERS,
  extractVectorSelectors,
  parseSelector,
  renderQuery,
  runSlaThresholds,
} from '@dataops-observability/plugin-dataops-common';
import { runSlaSeconds } from '../airflow/buildDagRuns';
import { Evaluator } from '../promql';
import { ENVIRONMENTS, Env, Faults, loadCatalog, Scenario } from '../scenario';
import { generateSeries, sparkRunTimeSeconds } from './generateSeries';
import { GeneratedSeries } from './GeneratedSeries';
import { MemorySource } from './MemorySource';

const HOUR = 3600_000;
const anchor = Math.floor(Date.now() / 60000) * 60000;
const scenario = new Scenario(loadCatalog(), anchor, new Faults('none', ''));
const series = new Map<Env, GeneratedSeries[]>(
  ENVIRONMENTS.map(env => [env, generateSeries(scenario, env)]),
);
const RUN_DURATION =
  EXPORTER_PROFILES.get('spark-operator-jmx')!.queries['run-duration']!;

function find(env: Env, name: string, labels: Record<string, string>) {
  const found = series
    .get(env)!
    .filter(
      s =>
        s.labels.__name__ === name &&
        Object.entries(labels).every(([k, v]) => s.labels[k] === v),
    );
  expect({ name, labels, found: found.length }).toEqual({
    name,
    labels,
    found: 1,
  });
  return found[0];
}

describe("the Spark operator's run-time summaries", () => {
  const jobs = ENVIRONMENTS.flatMap(env =>
    scenario
      .entitiesIn(env)
      .filter(e => e.type === 'spark-job')
      .map(entity => ({ env, entity })),
  );

  it('count every successful and failed run once, adding its time to the sum', () => {
    expect(jobs.length).toBeGreaterThan(10);
    for (const { env, entity } of jobs) {
      const base = scenario.labels(entity, env);
      const seconds = sparkRunTimeSeconds(entity, env);
      for (const [outcome, time] of [
        ['success', seconds.success],
        ['failure', seconds.failure],
      ] as const) {
        const runs = find(env, `spark_application_${outcome}_count`, base);
        const name = `spark_application_${outcome}_execution_time_seconds`;
        const count = find(env, `${name}_count`, base);
        const sum = find(env, `${name}_sum`, base);
        expect(count.intervalMs).toBe(runs.intervalMs);
        expect(sum.intervalMs).toBe(runs.intervalMs);
        const window = [anchor - 6 * HOUR, anchor] as const;
        const counted = runs.samples(...window);
        expect(counted.length).toBeGreaterThan(1000);
        expect(counted.at(-1)!.v).toBeGreaterThan(counted[0].v);
        expect(count.samples(...window)).toEqual(counted);
        sum.samples(...window).forEach((s, i) => {
          expect(s.t).toBe(counted[i].t);
          expect(s.v).toBeCloseTo(counted[i].v * time, 3);
        });
      }
    }
  });

  it('give every job a healthy 24 h mean under its dataops.io/run-sla, as the default panel reads it', () => {
    const evaluators = new Map<Env, Evaluator>(
      ENVIRONMENTS.map(env => [
        env,
        new Evaluator(new MemorySource(series.get(env)!)),
      ]),
    );
    for (const { env, entity } of jobs) {
      const selector = entity.annotation('dataops.io/prometheus-selector', env);
      const query = renderQuery(RUN_DURATION, {
        matchers: selector ? parseSelector(selector) : [],
      });
      const value = evaluators.get(env)!.instant(query, anchor);
      expect(value.type).toBe('vector');
      const got = value.type === 'vector' ? value.series : [];
      expect(got).toHaveLength(1);
      const sla = runSlaSeconds(entity, env);
      expect(got[0].v).toBeCloseTo(sparkRunTimeSeconds(entity, env).success, 3);
      expect(got[0].v).toBeGreaterThanOrEqual(0.5 * sla);
      expect(got[0].v).toBeLessThanOrEqual(0.65 * sla);
      expect(got[0].v).toBeLessThan(runSlaThresholds(sla).warning);
    }
  });
});

/** Some value for every identity placeholder of the profiles: only the metric names matter here. */
const ANY_IDENTITY = Object.fromEntries(
  [
    'dag_id',
    'table',
    'spark_app',
    'bucket',
    'pool',
    'tablespace',
    'metastore',
    'airflowDagId',
    'sparkAppName',
    'icebergTable',
  ].map(name => [name, 'any']),
);

describe('series of the default exporter stack', () => {
  it('are all generated in prod under the names the default profiles read', () => {
    const names = new Set(series.get('prod')!.map(s => s.labels.__name__));
    const read = new Set<string>();
    for (const layer of PROFILE_LAYERS) {
      const profile = EXPORTER_PROFILES.get(DEFAULT_PROFILE_SELECTION[layer])!;
      const templates = [
        ...Object.values(profile.queries),
        ...Object.values(profile.fallbacks ?? {}),
        ...(profile.sli
          ? [...profile.sli.goodEvents, ...profile.sli.totalEvents]
          : []),
      ];
      for (const template of templates) {
        for (const selector of extractVectorSelectors(
          renderQuery(template, { matchers: [], identity: ANY_IDENTITY }),
        )) {
          read.add(/^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(selector)![0]);
        }
      }
    }
    expect(read).toContain(
      'spark_application_success_execution_time_seconds_sum',
    );
    expect([...read].filter(name => !names.has(name)).sort()).toEqual([]);
  });
});
