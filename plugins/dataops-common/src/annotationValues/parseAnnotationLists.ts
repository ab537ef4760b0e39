import { splitList } from '../annotations';
import { validateIdentityValue } from '../promql';
import { AnnotationValueError } from './AnnotationValueError';

/**
 * Storage kinds `dataops.io/storage` may name; each has exporters and checks behind it
 * (docs/metrics-catalogue.md "Storage").
 * @public
 */
export const STORAGE_KINDS = [
  's3',
  'minio',
  'hive',
  'oracle',
  'ceph',
  'isilon',
  'iceberg',
] as const;

/** A storage kind `dataops.io/storage` may name, one of {@link STORAGE_KINDS}. @public */
export type StorageKind = (typeof STORAGE_KINDS)[number];

/** One `kind:name` item of `dataops.io/storage`. @public */
export interface StorageRef {
  /** Kind of storage system. */
  kind: StorageKind;
  /** Name of the bucket, pool, schema or table within that system. */
  name: string;
}

/** One `field:value` term of `dataops.io/opensearch-filter`. @public */
export interface OpenSearchTermFilter {
  /** Document field the term must match exactly. */
  field: string;
  /** Exact value of the field. */
  value: string;
}

const FIELD_NAME = /^[A-Za-z0-9_@][A-Za-z0-9_@.-]{0,200}$/;
// Control characters have no business in a term value and would break log lines and JSON-unaware tooling.
function hasControlCharacter(value: string): boolean {
  return [...value].some(
    c => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f,
  );
}

function splitPair(item: string): [string, string] | undefined {
  const colon = item.indexOf(':');
  if (colon <= 0) {
    return undefined;
  }
  return [item.slice(0, colon).trim(), item.slice(colon + 1).trim()];
}

/**
 * Parses `dataops.io/storage` (`s3:sales-lake,oracle:SALES_TS`). Names end up in PromQL label values, so
 * they are held to the identity alphabet. Throws {@link AnnotationValueError} naming the bad item.
 * @public
 */
export function parseStorageList(raw: string | undefined): StorageRef[] {
  return splitList(raw).map(item => {
    const pair = splitPair(item);
    if (!pair || !pair[1]) {
      throw new AnnotationValueError(`'${item}' is not kind:name`);
    }
    const [kind, name] = pair;
    if (!(STORAGE_KINDS as readonly string[]).includes(kind)) {
      throw new AnnotationValueError(
        `'${item}' has unknown storage kind '${kind}' (known: ${STORAGE_KINDS.join(
          ', ',
        )})`,
      );
    }
    try {
      validateIdentityValue(kind, name);
    } catch (e) {
      throw new AnnotationValueError(`'${item}': ${(e as Error).message}`);
    }
    return { kind: kind as StorageKind, name };
  });
}

/**
 * Parses `dataops.io/opensearch-filter` (`kubernetes.labels.app:daily-sales-etl`), comma separated
 * field:value terms. Throws {@link AnnotationValueError} naming the bad item.
 * @public
 */
export function parseOpenSearchFilters(
  raw: string | undefined,
): OpenSearchTermFilter[] {
  return splitList(raw).map(item => {
    const pair = splitPair(item);
    if (
      !pair ||
      !FIELD_NAME.test(pair[0]) ||
      !pair[1] ||
      hasControlCharacter(pair[1])
    ) {
      throw new AnnotationValueError(`'${item}' is not field:value`);
    }
    return { field: pair[0], value: pair[1] };
  });
}
