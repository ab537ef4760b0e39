import { InputError } from '@backstage/errors';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  QueryIdentity,
  SloData,
  buildSloData,
  readAnnotation,
  renderQuery,
  validateIdentityValue,
} from '@dataops-observability/plugin-dataops-common';
import type { DataOpsView } from '@dataops-observability/plugin-dataops-node';
import { thanosSource } from '../../sources';
import type { ViewDependencies } from '../shared';
import { sloMatchers } from './sloMatchers';
import { measureSlo } from './measureSlo';
import { resolveEntitySlo } from './resolveEntitySlo';
import { sloConfigFor } from './sloConfigFor';
import { summarizeSlo } from './summarizeSlo';

/**
 * The annotation key (with its `.<env>` suffix when an override is in effect) of the identity value the
 * query templates refused, so the 400 names what the user has to fix.
 */
function badIdentityAnnotation(
  identity: QueryIdentity,
  entity: Entity,
  env: string,
): string {
  const name = Object.keys(identity).find(k => {
    try {
      validateIdentityValue(k, identity[k] ?? '');
      return false;
    } catch {
      return true;
    }
  });
  const key = (ANNOTATIONS as Record<string, string>)[name ?? ''];
  if (!key) {
    return 'for an SLI identity';
  }
  return readAnnotation(entity, `${key}.${env}`) ? `${key}.${env}` : key;
}

/**
 * `slo`: per environment, the SLI over the entity's SLO period, its error budget, burn rates per window,
 * the multiwindow burn-rate alerts and a daily burndown, evaluated at the end of the requested range.
 * The query parameters `from` and `step` do not apply: the period comes from the entity.
 */
export function createSloView(deps: ViewDependencies): DataOpsView<SloData> {
  return {
    name: 'slo',
    ttlSeconds: 60,
    area: 'slo',
    async run(ctx) {
      const env = ctx.env.name;
      const client = ctx.source(thanosSource);
      const { policy, template, identity } = resolveEntitySlo(
        ctx.entity,
        env,
        sloConfigFor(deps, env, String(ctx.entity.spec?.type ?? '')),
      );
      const matchers = sloMatchers(
        ctx.entity,
        env,
        client.config.extraMatchers,
      );
      const useRecordingRules = deps.config.slo.useRecordingRules;
      const measured = await measureSlo(
        {
          client,
          time: ctx.range.to,
          signal: ctx.signal,
          addWarning: ctx.addWarning,
          render: query => {
            try {
              return renderQuery(query, { matchers, identity });
            } catch (e) {
              throw new InputError(
                `Bad annotation ${badIdentityAnnotation(
                  identity,
                  ctx.entity,
                  env,
                )}: ${(e as Error).message} (used by SLI '${template.id}')`,
              );
            }
          },
          recorded: useRecordingRules
            ? {
                slo: template.id,
                backstage_entity: stringifyEntityRef(ctx.entity),
                env,
              }
            : undefined,
        },
        template,
        policy,
      );
      const { data, warnings } = buildSloData({
        policy,
        sliName: template.name,
        sliQuery: measured.sliQuery,
        periodCounts: measured.periodCounts,
        errorRatios: measured.errorRatios,
        burndownBuckets: measured.burndownBuckets,
      });
      // The state says "no traffic" already; repeat only the other warnings (e.g. the 100% objective one).
      warnings
        .filter(w => measured.state === 'ok' || !w.startsWith('No events'))
        .forEach(w => ctx.addWarning(w));
      return {
        ...data,
        state: measured.state,
        ...(measured.stateReason ? { stateReason: measured.stateReason } : {}),
        source: useRecordingRules ? 'recording-rules' : 'counters',
        evaluatedAt: ctx.range.to,
      };
    },
    summarize: summarizeSlo,
  };
}
