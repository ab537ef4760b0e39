import { buildAlerts } from '../alertmanager';
import { buildDagRuns, buildTaskInstances } from '../airflow';
import { tableState } from '../iceberg';
import { buildApplications } from '../sparkHistory';
import { Faults } from './Faults';
import { loadCatalog } from './loadCatalog';
import { Scenario, TROUBLE } from './Scenario';

const HOUR = 3600_000;
const BROKEN = TROUBLE.brokenPipeline;

describe('the scripted broken pipeline', () => {
  // A quarter past an hour, half an hour after start-up: every run of the broken window has ended.
  const anchorMs = Math.floor(Date.now() / HOUR) * HOUR - 15 * 60_000;
  const nowMs = anchorMs + 30 * 60_000;
  const scenario = new Scenario(loadCatalog(), anchorMs, new Faults('', ''));
  const entity = (name: string) =>
    scenario.entities.find(e => e.name === name)!;
  const sinceMs = anchorMs - BROKEN.sinceMinutes * 60_000;

  it('is a DAG -> Spark job -> Iceberg table chain of the example catalog', () => {
    expect(entity(BROKEN.entity).type).toBe('airflow-dag');
    expect(entity(BROKEN.job).type).toBe('spark-job');
    expect(entity(BROKEN.table).type).toBe('iceberg-table');
    for (const name of [BROKEN.entity, BROKEN.job, BROKEN.table]) {
      expect(entity(name).environments).toContain(BROKEN.env);
    }
  });

  it('fails every prod run of the DAG since the break in its first task, and no run elsewhere', () => {
    const runs = buildDagRuns(scenario, entity(BROKEN.entity), 'prod', nowMs);
    const after = runs.filter(r => r.startS * 1000 >= sinceMs);
    expect(after.length).toBeGreaterThanOrEqual(2);
    expect(after.every(r => r.state === 'failed')).toBe(true);
    expect(
      runs.filter(r => r.startS * 1000 < sinceMs).every(r => !r.failed),
    ).toBe(true);
    const tasks = buildTaskInstances(after[after.length - 1], nowMs / 1000);
    expect(tasks.map(t => t.state)).toEqual([
      'failed',
      'upstream_failed',
      'upstream_failed',
      'upstream_failed',
    ]);
    expect(tasks[0].taskId).toBe(BROKEN.failingTask);
    for (const env of ['dev', 'stage'] as const) {
      expect(
        buildDagRuns(scenario, entity(BROKEN.entity), env, nowMs).some(
          r => r.failed,
        ),
      ).toBe(false);
    }
  });

  it('stops submitting the Spark job in prod only', () => {
    const apps = (env: 'dev' | 'prod') =>
      buildApplications(scenario, env, nowMs).filter(
        a => a.name === BROKEN.job,
      );
    expect(apps('prod').length).toBeGreaterThan(0);
    expect(apps('prod').every(a => a.startMs < sinceMs)).toBe(true);
    expect(apps('dev').some(a => a.startMs >= sinceMs)).toBe(true);
  });

  it('leaves the table without a commit since the break in prod, beyond twice the 1 h target', () => {
    const prod = tableState(scenario, entity(BROKEN.table), 'prod', nowMs);
    expect(prod.lastCommitMs).toBeLessThanOrEqual(sinceMs);
    expect(nowMs - prod.lastCommitMs).toBeGreaterThan(2 * HOUR);
    const dev = tableState(scenario, entity(BROKEN.table), 'dev', nowMs);
    expect(nowMs - dev.lastCommitMs).toBeLessThan(5 * 60_000);
  });

  it('fires the DAG failure and the commit lag alerts in prod', () => {
    const prod = buildAlerts(scenario, 'prod', nowMs).alerts.filter(a =>
      [
        `component:default/${BROKEN.entity}`,
        `resource:default/${BROKEN.table}`,
      ].includes(a.labels.backstage_entity),
    );
    expect(
      prod.map(a => [a.labels.alertname, a.labels.backstage_entity]).sort(),
    ).toEqual([
      ['AirflowDagRunFailures', `component:default/${BROKEN.entity}`],
      ['IcebergCommitLagHigh', `resource:default/${BROKEN.table}`],
    ]);
    const stage = buildAlerts(scenario, 'stage', nowMs).alerts;
    expect(
      stage.some(
        a => a.labels.backstage_entity === `component:default/${BROKEN.entity}`,
      ),
    ).toBe(false);
  });
});
