import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  buildErrorRatioQuery,
  buildRecordedErrorRatioQuery,
  renderQuery,
} from '@dataops-observability/plugin-dataops-common';
import type { DataOpsConfig } from '../config';
import type { PrometheusClient } from '../sources';
import type { EpisodeRow } from '../teams';
import type { ViewDependencies } from '../views/shared';
import { sloMatchers } from '../views/slo/sloMatchers';
import { resolveEntitySlo } from '../views/slo/resolveEntitySlo';
import { sloConfigFor } from '../views/slo/sloConfigFor';
import { Detection, firstBadWindowStart } from './computeTeamReport';

/** Window of the error ratio whose first bad step starts detection time. */
export const DETECTION_RATIO_WINDOW = '5m';
/** Resolution of the search for the first bad step. */
export const DETECTION_STEP_SECONDS = 60;
/** How far before the firing the search looks. */
export const DETECTION_LOOKBACK_SECONDS = 2 * 3600;

/** The SLI error ratio of one entity in one environment, and the ratio above which it is bad. */
export interface DetectionSli {
  client: PrometheusClient;
  query: string;
  budgetRatio: number;
}

/** Why an incident's detection time can not be measured, as the report counts it. */
export class NotMeasurable extends Error {}

/**
 * The query the `slo` view would run for the entity's error ratio, over the 5-minute window: the same SLI
 * template, objective, identity and matchers (or the generated recording rules when the view reads those).
 */
export function detectionSli(options: {
  config: DataOpsConfig;
  prometheus(env: string): PrometheusClient | undefined;
  entity: Entity;
  env: string;
}): DetectionSli {
  const { config, entity, env } = options;
  const client = options.prometheus(env);
  if (!client) {
    throw new NotMeasurable('no metrics store in the environment');
  }
  let slo;
  try {
    slo = resolveEntitySlo(
      entity,
      env,
      sloConfigFor(
        // Only the configuration is read to pick the SLI template.
        { config } as Pick<ViewDependencies, 'config'> as ViewDependencies,
        env,
        String(entity.spec?.type ?? ''),
      ),
    );
  } catch {
    throw new NotMeasurable('the entity has no SLI');
  }
  const { policy, template, identity } = slo;
  if (config.slo.useRecordingRules) {
    return {
      client,
      budgetRatio: policy.budgetRatio,
      query: buildRecordedErrorRatioQuery(DETECTION_RATIO_WINDOW, {
        slo: template.id,
        backstage_entity: stringifyEntityRef(entity),
        env,
      }),
    };
  }
  try {
    const matchers = sloMatchers(entity, env, client.config.extraMatchers);
    return {
      client,
      budgetRatio: policy.budgetRatio,
      query: renderQuery(
        buildErrorRatioQuery(template, DETECTION_RATIO_WINDOW),
        {
          matchers,
          identity,
        },
      ),
    };
  } catch {
    throw new NotMeasurable('the entity has no SLI');
  }
}

/**
 * Detection time of one incident: its firing time minus the start of the SLI's first bad window that led
 * to it (docs/alerts.md). One range query of at most 121 one-minute steps.
 */
export async function measureDetection(options: {
  episode: EpisodeRow;
  entity: Entity | undefined;
  sli(entity: Entity, env: string): DetectionSli;
  signal?: AbortSignal;
}): Promise<Detection> {
  const { episode } = options;
  const episodeId = episode.id;
  if (!options.entity) {
    return { episodeId, reason: 'the entity is no longer in the catalog' };
  }
  let sli: DetectionSli;
  try {
    sli = options.sli(options.entity, episode.env);
  } catch (e) {
    return {
      episodeId,
      reason: e instanceof NotMeasurable ? e.message : 'the entity has no SLI',
    };
  }
  const firedAt = Math.floor(episode.firedAt / 1000);
  const to = firedAt - (firedAt % DETECTION_STEP_SECONDS);
  let points: Array<[number, number | null]>;
  try {
    const result = await sli.client.queryRange(
      sli.query,
      {
        from: to - DETECTION_LOOKBACK_SECONDS,
        to,
        step: DETECTION_STEP_SECONDS,
      },
      options.signal,
    );
    points = result.data[0]?.points ?? [];
  } catch {
    return { episodeId, reason: 'the SLI query failed' };
  }
  const start = firstBadWindowStart(
    points,
    firedAt,
    sli.budgetRatio,
    DETECTION_STEP_SECONDS,
  );
  if (start === undefined) {
    return { episodeId, reason: 'no bad SLI window before the alert' };
  }
  return { episodeId, seconds: Math.max(0, firedAt - start) };
}
