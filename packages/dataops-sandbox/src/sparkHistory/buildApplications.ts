import { hashString, unit } from '../random';
import { Env, Scenario, ScenarioEntity, TROUBLE } from '../scenario';
import { runSlaSeconds } from '../airflow/buildDagRuns';

/** Every example Spark job runs hourly in the sandbox, like the DAGs that submit them. */
const PERIOD_S = 3600;
const HISTORY_S = 7 * 86400;

/**
 * Scripted trouble of the Runs tab for Spark jobs, in whole slots before the scenario's anchor: in stage the
 * sales ETL's application an hour before start-up fails in its write stage after a retried attempt; in prod
 * one of its applications takes the SLA + 60% (critical).
 */
export const SPARK_TROUBLE = {
  failed: {
    env: 'stage',
    entity: TROUBLE.gcClimb.entity,
    slotsBeforeAnchor: [1],
  },
  overSla: {
    env: 'prod',
    entity: TROUBLE.gcClimb.entity,
    slotBeforeAnchor: 3,
    factor: 1.6,
  },
} as const;

export interface GeneratedApplication {
  id: string;
  name: string;
  startMs: number;
  /** Undefined while running. */
  endMs?: number;
  attempts: number;
  failed: boolean;
}

export function appNameOf(entity: ScenarioEntity, env: Env): string {
  return entity.annotation('dataops.io/spark-app-name', env) ?? entity.name;
}

/** Applications of every Spark job of the environment that have started by `nowMs`, oldest first. */
export function buildApplications(
  scenario: Scenario,
  env: Env,
  nowMs: number,
): GeneratedApplication[] {
  const nowS = Math.floor(nowMs / 1000);
  const anchorSlot = Math.floor(scenario.anchorMs / 1000 / PERIOD_S);
  const apps: GeneratedApplication[] = [];
  for (const entity of scenario
    .entitiesIn(env)
    .filter(e => e.type === 'spark-job')) {
    const name = appNameOf(entity, env);
    const seed = scenario.seed ^ hashString(`spark:${env}:${name}`);
    const sla = runSlaSeconds(entity, env);
    for (
      let slot = Math.floor((nowS - HISTORY_S) / PERIOD_S);
      slot <= Math.floor(nowS / PERIOD_S);
      slot++
    ) {
      const startS = slot * PERIOD_S + 120 + Math.floor(unit(seed, slot) * 120);
      if (startS > nowS) break;
      // The broken pipeline's DAG no longer submits its job.
      if (
        scenario.isBrokenPipeline('job', env, entity) &&
        startS * 1000 >= scenario.brokenPipelineSinceMs
      )
        continue;
      const before = anchorSlot - slot;
      const failed =
        SPARK_TROUBLE.failed.env === env &&
        SPARK_TROUBLE.failed.entity === entity.name &&
        (SPARK_TROUBLE.failed.slotsBeforeAnchor as readonly number[]).includes(
          before,
        );
      const over =
        SPARK_TROUBLE.overSla.env === env &&
        SPARK_TROUBLE.overSla.entity === entity.name &&
        SPARK_TROUBLE.overSla.slotBeforeAnchor === before;
      let durationS = Math.round(
        sla *
          (over
            ? SPARK_TROUBLE.overSla.factor
            : 0.4 + 0.35 * unit(seed ^ 0x3c, slot)),
      );
      if (failed) durationS = Math.round(durationS * 0.6);
      const endS = startS + durationS;
      apps.push({
        // YARN's form: cluster start (the anchor) and a sequence number, unique per environment and job.
        id: `application_${Math.floor(scenario.anchorMs / 1000)}_${String(
          hashString(`${name}:${slot}`) % 100000,
        ).padStart(5, '0')}`,
        name,
        startMs: startS * 1000,
        endMs: endS <= nowS ? endS * 1000 : undefined,
        attempts: failed ? 2 : 1,
        failed,
      });
    }
  }
  return apps.sort((a, b) => a.startMs - b.startMs);
}
