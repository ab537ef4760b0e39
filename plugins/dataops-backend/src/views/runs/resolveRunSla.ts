import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  ANNOTATION_RULES,
  RunSla,
  runSlaThresholds,
} from '@dataops-observability/plugin-dataops-common';
import { DataOpsSourceError } from '@dataops-observability/plugin-dataops-node';

/**
 * The run-time SLA of the entity in one environment: `dataops.io/run-sla.<env>` wins over
 * `dataops.io/run-sla`. Undefined when neither is set; a bad value is the environment's BAD_ANNOTATION,
 * judged by the same rule the catalog processor applies.
 */
export function resolveRunSla(
  entity: Entity,
  env: string,
  source: string,
): RunSla | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const overrideKey = `${ANNOTATIONS.runSla}.${env}`;
  const key = annotations[overrideKey]?.trim()
    ? overrideKey
    : ANNOTATIONS.runSla;
  const value = annotations[key]?.trim();
  if (!value) {
    return undefined;
  }
  const verdict = ANNOTATION_RULES.runSla.validate(value, { key });
  if (!verdict.ok) {
    throw new DataOpsSourceError({
      type: 'BAD_ANNOTATION',
      source,
      message: `${verdict.problem.annotation}: ${verdict.problem.message}`,
    });
  }
  return {
    seconds: verdict.value,
    annotation: key,
    thresholds: runSlaThresholds(verdict.value),
  };
}
