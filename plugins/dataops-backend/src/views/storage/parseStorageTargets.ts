import { InputError } from '@backstage/errors';
import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  AnnotationValueError,
  StorageRef,
  parseStorageList,
  readAnnotation,
} from '@dataops-observability/plugin-dataops-common';
import { parseTableIdentifier } from '../../sources';
import type { StorageKind } from './defaultChecks';

/** One storage object an entity depends on in one environment. */
export interface StorageTarget {
  kind: StorageKind;
  name: string;
}

/** The annotation key actually in effect for `env`, so a 400 names the one the user has to fix. */
function effectiveKey(entity: Entity, key: string, env: string): string {
  return readAnnotation(entity, `${key}.${env}`) ? `${key}.${env}` : key;
}

/**
 * Storage the entity uses in `env`: `dataops.io/storage` items and the `dataops.io/iceberg-table`, with
 * `.<env>` overrides applied. A malformed item is a 400 naming the annotation and the item.
 */
export function parseStorageTargets(
  entity: Entity,
  env: string,
): StorageTarget[] {
  const targets: StorageTarget[] = [];
  const table = readAnnotation(entity, ANNOTATIONS.icebergTable, env);
  if (table) {
    try {
      parseTableIdentifier(table);
    } catch (e) {
      throw new InputError(
        `Bad annotation ${effectiveKey(
          entity,
          ANNOTATIONS.icebergTable,
          env,
        )}: ${(e as Error).message}`,
      );
    }
    targets.push({ kind: 'iceberg', name: table });
  }
  const key = effectiveKey(entity, ANNOTATIONS.storage, env);
  // The rulebook's rule, as the catalog applies it: known kinds, safe names and at most
  // MAX_STORAGE_ITEMS items, since every item adds its checks to each request in every environment.
  let items: StorageRef[];
  try {
    items = parseStorageList(readAnnotation(entity, ANNOTATIONS.storage, env));
  } catch (e) {
    if (e instanceof AnnotationValueError) {
      throw new InputError(`Bad annotation ${key}: ${e.message}`);
    }
    throw e;
  }
  for (const { kind, name } of items) {
    if (!targets.some(t => t.kind === kind && t.name === name)) {
      targets.push({ kind, name });
    }
  }
  return targets;
}
