import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  EXPORTER_PROFILES,
  extractVectorSelectors,
  parseSelector,
  renderQuery,
} from '@dataops-observability/plugin-dataops-common';
import { RECURRING_ALERTS } from '../alertmanager';
import {
  GeneratedSeries,
  generateSeries,
  MemorySource,
  writeOpenMetrics,
} from '../prometheus';
import { Evaluator } from '../promql';
import { Faults } from './Faults';
import { loadCatalog } from './loadCatalog';
import { Scenario, TROUBLE } from './Scenario';
import { ENVIRONMENTS, Env } from './types';

const MINUTE = 60_000;
const STALE = TROUBLE.staleSeries;
/** The backend's default bound (docs/configuration.md, staleAfterSeconds). */
const STALE_AFTER_S = 600;

describe('the scripted stale series', () => {
  const anchorMs = Math.floor(Date.now() / MINUTE) * MINUTE;
  // Ten minutes after start-up, like a demo opened a little while after `yarn sandbox`.
  const nowMs = anchorMs + 10 * MINUTE;
  const endMs = anchorMs - STALE.stoppedMinutes * MINUTE;
  const scenario = new Scenario(
    loadCatalog(),
    anchorMs,
    new Faults('none', ''),
  );
  const entity = scenario.entities.find(e => e.name === STALE.entity)!;
  const app = scenario.labels(entity, STALE.env).app;
  const series = new Map<Env, GeneratedSeries[]>(
    ENVIRONMENTS.map(env => [env, generateSeries(scenario, env)]),
  );
  const isStopped = (env: Env, s: GeneratedSeries) =>
    env === STALE.env &&
    s.labels.app === app &&
    (STALE.metrics as readonly string[]).includes(s.labels.__name__);
  const newestSample = (s: GeneratedSeries, beforeMs: number) =>
    s.samples(beforeMs - 2 * 3600_000, beforeMs).at(-1)?.t;

  it('is a Spark job in prod with no other scripted trouble there', () => {
    expect(entity.type).toBe('spark-job');
    expect(entity.environments).toContain(STALE.env);
    const troubled = [
      ...Object.values(TROUBLE).flatMap(t =>
        Array.isArray(t) || !('entity' in t) || t.env !== STALE.env
          ? []
          : [t.entity, ...('job' in t ? [t.job, t.table] : [])],
      ),
      ...RECURRING_ALERTS.filter(r => r.env === STALE.env).map(r => r.entity),
    ];
    expect(troubled.filter(name => name === STALE.entity)).toEqual([
      STALE.entity,
    ]);
  });

  it('ends the GC series of that job in prod 30 minutes before start-up', () => {
    const stopped = series.get(STALE.env)!.filter(s => isStopped(STALE.env, s));
    // Sum and count of every pod (driver and two executors).
    expect(stopped.length).toBeGreaterThanOrEqual(STALE.metrics.length * 3);
    for (const s of stopped) {
      expect(newestSample(s, nowMs)).toBe(endMs);
      expect(s.samples(endMs + 1, nowMs)).toEqual([]);
      expect(s.samples(endMs - 10 * MINUTE, endMs).length).toBe(41);
    }
  });

  it('keeps every other series of every environment going, that job in dev and stage included', () => {
    let others = 0;
    for (const env of ENVIRONMENTS) {
      for (const s of series.get(env)!.filter(x => !isStopped(env, x))) {
        others++;
        expect({
          env,
          labels: s.labels,
          newest: newestSample(s, nowMs)! >= nowMs - s.intervalMs,
        }).toEqual({ env, labels: s.labels, newest: true });
      }
    }
    const gcOfTheJob = (env: Env) =>
      series
        .get(env)!
        .filter(
          s =>
            s.labels.app === app &&
            s.labels.__name__ === 'jvm_gc_collection_seconds_sum',
        );
    expect(gcOfTheJob('dev').length).toBeGreaterThan(0);
    expect(gcOfTheJob('stage').length).toBeGreaterThan(0);
    expect(others).toBeGreaterThan(1000);
  });

  it('writes the same end into the OpenMetrics text real Prometheus mode backfills', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-stale-'));
    try {
      const file = path.join(dir, 'samples.om');
      const ofTheJob = series.get(STALE.env)!.filter(s => s.labels.app === app);
      writeOpenMetrics(ofTheJob, nowMs - 3600_000, nowMs, file);
      const newest = new Map<string, number>();
      for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
        const m = /^([a-z_]+)\{.* (\d+(?:\.\d+)?)$/.exec(line);
        if (m) {
          newest.set(m[1], Math.max(newest.get(m[1]) ?? 0, Number(m[2])));
        }
      }
      for (const metric of STALE.metrics) {
        expect(newest.get(metric)).toBe(endMs / 1000);
      }
      expect(newest.get('up')).toBeGreaterThanOrEqual(nowMs / 1000 - 15);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("makes the job's default GC panel stale by the backend's probe, in prod only", () => {
    const template =
      EXPORTER_PROFILES.get('spark-operator-jmx')!.queries[STALE.panel]!;
    const ages = new Map<Env, number>();
    for (const env of ENVIRONMENTS) {
      const selector = entity.annotation('dataops.io/prometheus-selector', env);
      const query = renderQuery(template, {
        matchers: selector ? parseSelector(selector) : [],
      });
      const evaluator = new Evaluator(new MemorySource(series.get(env)!));
      const range = (q: string) =>
        evaluator.range(q, nowMs - 3600_000, nowMs, MINUTE);
      // The panel itself still has points in the hour (up to five minutes after the end) ...
      expect(range(query).some(s => s.samples.length > 0)).toBe(true);
      // ... and the freshness probe (docs/panels.md, `stale`): the newest sample of each selector it reads.
      const probe = extractVectorSelectors(query)
        .map(s => `max(timestamp(${s}))`)
        .join(' or ');
      const newest = Math.min(
        ...range(probe).map(s => s.samples.at(-1)!.v * 1000),
      );
      ages.set(env, (nowMs - newest) / 1000);
    }
    expect(ages.get('prod')).toBe((nowMs - endMs) / 1000);
    expect(ages.get('prod')).toBeGreaterThan(STALE_AFTER_S);
    expect(ages.get('dev')).toBeLessThan(STALE_AFTER_S);
    expect(ages.get('stage')).toBeLessThan(STALE_AFTER_S);
  });
});
