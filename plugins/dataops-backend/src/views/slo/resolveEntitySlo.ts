import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  ANNOTATIONS,
  QueryIdentity,
  ResolvedSloPolicy,
  SliTemplate,
  SloInputError,
  parseObjective,
  parseSloPeriod,
  readAnnotation,
  resolveSloPolicy,
  sliIdentityForEntity,
  sliTemplateForEntityType,
} from '@dataops-observability/plugin-dataops-common';
import { DataOpsSourceError } from '@dataops-observability/plugin-dataops-node';
import type { SloConfig } from '../../config';

/** What one entity's SLO is in one environment, before anything is queried. */
export interface EntitySlo {
  policy: ResolvedSloPolicy;
  template: SliTemplate;
  identity: QueryIdentity;
}

/** The key actually read, so a 400 names `dataops.io/slo-objective.prod` when the override is the bad one. */
function annotationKeyUsed(entity: Entity, key: string, env: string): string {
  const override = `${key}.${env}`;
  return entity.metadata.annotations?.[override]?.trim() ? override : key;
}

function readAnnotated<T>(
  entity: Entity,
  key: string,
  env: string,
  parse: (text: string) => T,
): T | undefined {
  const raw = readAnnotation(entity, key, env);
  if (raw === undefined) {
    return undefined;
  }
  try {
    return parse(raw);
  } catch (e) {
    throw new InputError(
      `Bad annotation ${annotationKeyUsed(entity, key, env)}: ${
        (e as Error).message
      }`,
    );
  }
}

/**
 * Objective and period from the entity's annotations (`.<env>` overrides first) over the configured policy,
 * and the SLI template of its type. A bad annotation value is the caller's problem (400 naming the key); an
 * entity that simply has no SLI here (no template for its type, identity annotation missing) is reported on
 * the environment as BAD_ANNOTATION, so the summary of such an entity still renders.
 */
export function resolveEntitySlo(
  entity: Entity,
  env: string,
  config: SloConfig,
): EntitySlo {
  const objective = readAnnotated(
    entity,
    ANNOTATIONS.sloObjective,
    env,
    parseObjective,
  );
  // The rulebook's bounds (6h to 90d): the period is one PromQL range, so an unbounded one would ask the
  // metrics store for more than it holds and one query for more samples than Prometheus allows.
  const period = readAnnotated(entity, ANNOTATIONS.sloWindow, env, text => {
    parseSloPeriod(text);
    return text.trim();
  });
  let policy: ResolvedSloPolicy;
  try {
    policy = resolveSloPolicy({
      ...config.policy,
      ...(objective !== undefined ? { objective } : {}),
      ...(period !== undefined ? { period } : {}),
    });
  } catch (e) {
    // Only the period can make a valid configured policy invalid: an alert window longer than it.
    throw new InputError(
      `Bad annotation ${annotationKeyUsed(
        entity,
        ANNOTATIONS.sloWindow,
        env,
      )}: ${(e as Error).message}`,
    );
  }
  const type = String(entity.spec?.type ?? '');
  try {
    const template = sliTemplateForEntityType(type, config.templates);
    return {
      policy,
      template,
      identity: sliIdentityForEntity(entity, template, env),
    };
  } catch (e) {
    if (e instanceof SloInputError) {
      throw new DataOpsSourceError({
        type: 'BAD_ANNOTATION',
        source: 'thanos',
        message:
          e.message.startsWith('No SLI template') && type
            ? `${e.message}; configure dataops.slo.templates.${type}`
            : e.message,
      });
    }
    throw e;
  }
}
