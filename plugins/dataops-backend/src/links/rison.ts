/**
 * A value rison can encode. Objects are Maps, so names that come from data (a log field named
 * `constructor`) are ordinary keys.
 */
export type RisonValue =
  | string
  | number
  | boolean
  | null
  | RisonValue[]
  | ReadonlyMap<string, RisonValue>;

/** Shorthand for a rison object from name-value pairs, in order. */
export function risonObject(
  ...pairs: Array<[string, RisonValue]>
): Map<string, RisonValue> {
  return new Map(pairs);
}

// A rison id: no quote needed. Rison forbids ` '!:(),*@$` in ids and a leading digit or `-`; this is
// stricter still, so anything unusual is quoted.
const ID = /^[A-Za-z_][A-Za-z0-9_.\-/~]*$/;

/** A rison string: an id when it is one, else quoted with `!` escaped as `!!` and `'` as `!'`. */
export function risonString(value: string): string {
  if (ID.test(value)) {
    return value;
  }
  return `'${value.replace(/!/g, '!!').replace(/'/g, "!'")}'`;
}

/**
 * Rison (the compact JSON-like notation OpenSearch Dashboards keeps its URL state in). The result still
 * needs URL encoding before it goes into a URL.
 */
export function rison(value: RisonValue): string {
  if (value === null) {
    return '!n';
  }
  if (value === true) {
    return '!t';
  }
  if (value === false) {
    return '!f';
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      return '!n';
    }
    return String(value);
  }
  if (typeof value === 'string') {
    return risonString(value);
  }
  if (Array.isArray(value)) {
    return `!(${value.map(rison).join(',')})`;
  }
  const map = value as ReadonlyMap<string, RisonValue>;
  return `(${Array.from(map, ([k, v]) => `${risonString(k)}:${rison(v)}`).join(
    ',',
  )})`;
}
