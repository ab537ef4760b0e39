import { splitList } from '../annotations';
import { AnnotationValueError } from './AnnotationValueError';

/**
 * Storage kinds `dataops.io/storage` may name: exactly those the backend's storage view has checks for
 * (docs/storage.md). MinIO buckets are `s3`; Iceberg tables have their own annotation,
 * `dataops.io/iceberg-table`.
 * @public
 */
export const STORAGE_KINDS = ['s3', 'hive', 'oracle', 'ceph'] as const;

/** A storage kind `dataops.io/storage` may name, one of {@link STORAGE_KINDS}. @public */
export type StorageKind = (typeof STORAGE_KINDS)[number];

/**
 * Most items `dataops.io/storage` may list. Each item adds its checks (up to four queries) to every storage
 * request in every environment; 20 is more than a workload really depends on and keeps a request at a few
 * dozen queries per environment.
 * @public
 */
export const MAX_STORAGE_ITEMS = 20;

/** What to write instead of a kind people reach for that is not one of {@link STORAGE_KINDS}. */
const KIND_HINTS = new Map([
  ['minio', "a MinIO bucket is 's3:<bucket>'"],
  ['iceberg', 'name an Iceberg table in dataops.io/iceberg-table'],
]);

/**
 * Bucket, metastore, tablespace and pool names fill PromQL identity values and the advice text of the
 * storage checks; real names use only these characters.
 */
const STORAGE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

/** One `kind:name` item of `dataops.io/storage`. @public */
export interface StorageRef {
  /** Kind of storage system. */
  kind: StorageKind;
  /** Name of the bucket, metastore, tablespace or pool within that system. */
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
 * Parses `dataops.io/storage` (`s3:sales-lake,oracle:SALES_TS`): at most {@link MAX_STORAGE_ITEMS} items of
 * one of the {@link STORAGE_KINDS} and a name of letters, digits and `_ . -`. Blank or absent is no storage.
 * Throws {@link AnnotationValueError} naming the bad item.
 * @public
 */
export function parseStorageList(raw: string | undefined): StorageRef[] {
  const items = splitList(raw);
  if (items.length > MAX_STORAGE_ITEMS) {
    throw new AnnotationValueError(
      `lists ${items.length} storage items; at most ${MAX_STORAGE_ITEMS} are allowed`,
    );
  }
  return items.map(item => {
    const pair = splitPair(item);
    if (!pair || !pair[1]) {
      throw new AnnotationValueError(`'${item}' is not kind:name`);
    }
    const [kind, name] = pair;
    if (!(STORAGE_KINDS as readonly string[]).includes(kind)) {
      const hint = KIND_HINTS.has(kind) ? `; ${KIND_HINTS.get(kind)}` : '';
      throw new AnnotationValueError(
        `'${item}' has unknown storage kind '${kind}' (known: ${STORAGE_KINDS.join(
          ', ',
        )})${hint}`,
      );
    }
    if (!STORAGE_NAME.test(name)) {
      throw new AnnotationValueError(
        `'${item}': the name may only contain letters, digits and _ . - (starting with a letter or digit, at most 128 characters)`,
      );
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
