import {
  ANNOTATIONS,
  ENTITY_TYPES,
  RunsData,
  readAnnotation,
  worstLevel,
} from '@dataops-observability/plugin-dataops-common';
import {
  DataOpsMissingAnnotationError,
  DataOpsSourceError,
  DataOpsView,
} from '@dataops-observability/plugin-dataops-node';
import { airflowSource, isValidDagId } from '../../sources/airflow';
import { IcebergTableNameError, icebergSource } from '../../sources/iceberg';
import { sparkHistorySource } from '../../sources/sparkHistory';
import type { ViewDependencies } from '../shared';
import { icebergCommits } from './icebergCommits';
import { airflowRuns } from './airflowRuns';
import { resolveRunSla } from './resolveRunSla';
import { sparkRuns } from './sparkRuns';

/** An identity value is data shown and compared, never a URL part here; still, keep it to a sane size. */
const MAX_APP_NAME_LENGTH = 253;

/**
 * `runs`: the last runs of the entity's workload in its own system, per environment, each judged by its
 * outcome and by its duration against `dataops.io/run-sla`. Airflow DAGs: `dataops.io/airflow-dag-id` (or, for
 * an `airflow-dag` entity without it, the entity's name), from Airflow. Spark jobs: `dataops.io/spark-app-name`
 * (or, for a `spark-job` entity without it, the entity's name), from the Spark History Server. Iceberg
 * tables: `dataops.io/iceberg-table`, whose commits (snapshots) come from the REST catalog.
 */
export function createRunsView(
  deps: Pick<ViewDependencies, 'config'>,
  now: () => number = Date.now,
): DataOpsView<RunsData> {
  return {
    name: 'runs',
    // A run's state changes within minutes; a short TTL keeps "is it done yet" answers fresh.
    ttlSeconds: 30,
    area: 'runs',
    async run(ctx) {
      const type = ctx.entity.spec?.type;
      const dagId =
        readAnnotation(ctx.entity, ANNOTATIONS.airflowDagId, ctx.env.name) ??
        (type === ENTITY_TYPES.airflowDag
          ? ctx.entity.metadata.name
          : undefined);
      const appName =
        readAnnotation(ctx.entity, ANNOTATIONS.sparkAppName, ctx.env.name) ??
        (type === ENTITY_TYPES.sparkJob ? ctx.entity.metadata.name : undefined);
      if (!dagId && appName) {
        if (appName.length > MAX_APP_NAME_LENGTH) {
          throw new DataOpsSourceError({
            type: 'BAD_ANNOTATION',
            source: 'sparkHistory',
            message: `${ANNOTATIONS.sparkAppName}: longer than ${MAX_APP_NAME_LENGTH} characters`,
          });
        }
        const sparkSla = resolveRunSla(
          ctx.entity,
          ctx.env.name,
          'sparkHistory',
        );
        return sparkRuns({
          ctx,
          client: ctx.source(sparkHistorySource),
          appName,
          range: ctx.range,
          sla: sparkSla,
          nowMs: now(),
        });
      }
      const table = readAnnotation(
        ctx.entity,
        ANNOTATIONS.icebergTable,
        ctx.env.name,
      );
      if (!dagId && !appName && table) {
        try {
          return await icebergCommits({
            ctx,
            client: ctx.source(icebergSource),
            table,
            range: ctx.range,
            freshnessTargetSeconds: deps.config.storage.freshnessTargetSeconds,
            nowMs: now(),
          });
        } catch (e) {
          if (e instanceof IcebergTableNameError) {
            throw new DataOpsSourceError({
              type: 'BAD_ANNOTATION',
              source: 'iceberg',
              message: `${ANNOTATIONS.icebergTable}: ${e.message}`,
            });
          }
          throw e;
        }
      }
      if (!dagId) {
        throw new DataOpsMissingAnnotationError(
          'airflow',
          `the entity has none of ${ANNOTATIONS.airflowDagId}, ${ANNOTATIONS.sparkAppName} and ${ANNOTATIONS.icebergTable}, so it has no runs to show`,
        );
      }
      if (!isValidDagId(dagId)) {
        throw new DataOpsSourceError({
          type: 'BAD_ANNOTATION',
          source: 'airflow',
          message: `${ANNOTATIONS.airflowDagId}: '${dagId.slice(
            0,
            80,
          )}' is not a valid Airflow DAG id (letters, digits, _ . -; at most 250)`,
        });
      }
      // The SLA is checked before any call, so a typo shows at once rather than after the upstream answers.
      const sla = resolveRunSla(ctx.entity, ctx.env.name, 'airflow');
      return airflowRuns({
        ctx,
        client: ctx.source(airflowSource),
        dagId,
        range: ctx.range,
        sla,
        nowMs: now(),
      });
    },
    summarize(data) {
      if (data.freshness) {
        const minutes = Math.round(data.freshness.ageSeconds / 60);
        return {
          level: data.freshness.level,
          reason: `last commit ${minutes} min ago (target ${Math.round(
            data.freshness.targetSeconds / 60,
          )} min)`,
        };
      }
      const last = data.runs[0];
      if (!last) {
        return { level: 'unknown', reason: 'no run in the range' };
      }
      // A run still going or waiting has no outcome yet: only its time so far can count against it.
      const outcome = last.level === 'unknown' ? 'healthy' : last.level;
      const timing =
        data.sla && last.durationLevel !== 'unknown'
          ? last.durationLevel
          : 'healthy';
      const minutes = (seconds: number) => `${Math.round(seconds / 60)} min`;
      const took =
        last.durationSeconds === undefined
          ? ''
          : `, ${minutes(last.durationSeconds)}${
              last.ongoing ? ' so far' : ''
            }${data.sla ? ` of ${minutes(data.sla.seconds)} SLA` : ''}`;
      return {
        level: worstLevel([outcome, timing]),
        reason: `last run ${last.state}${took}`,
      };
    },
  };
}
