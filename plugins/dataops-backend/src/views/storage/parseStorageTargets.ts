import { InputError } from '@backstage/errors';
import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  readAnnotation,
  splitList,
} from '@dataops-observability/plugin-dataops-common';
import { parseTableIdentifier } from '../../sources';
import { STORAGE_KINDS, StorageKind } from './defaultChecks';

/** One storage object an entity depends on in one environment. */
export interface StorageTarget {
  kind: StorageKind;
  name: string;
}

/** Bucket, tablespace and pool names end up in PromQL string literals; keep them to what real names use. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

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
  for (const item of splitList(
    readAnnotation(entity, ANNOTATIONS.storage, env),
  )) {
    const match = /^([^:]*):(.*)$/.exec(item);
    if (!match) {
      throw new InputError(
        `Bad annotation ${key}: item '${item}' is not of the form kind:name`,
      );
    }
    const [, kind, name] = match;
    if (!(STORAGE_KINDS as readonly string[]).includes(kind)) {
      throw new InputError(
        `Bad annotation ${key}: item '${item}' has unknown kind '${kind}'; known kinds: ${STORAGE_KINDS.join(
          ', ',
        )}`,
      );
    }
    if (!NAME.test(name)) {
      throw new InputError(
        `Bad annotation ${key}: item '${item}' has an invalid name; names may only contain letters, digits, _ . - (max 128 characters)`,
      );
    }
    if (!targets.some(t => t.kind === kind && t.name === name)) {
      targets.push({ kind: kind as StorageKind, name });
    }
  }
  return targets;
}
