import { validateIdentityValue } from '../promql';
import { AnnotationValueError } from './AnnotationValueError';

/** A table of `dataops.io/iceberg-table`: namespace levels and the table name. @public */
export interface IcebergTableName {
  /** Namespace levels, outermost first (`['sales']` for `sales.daily_orders`). */
  namespace: string[];
  /** The table name, the last part. */
  table: string;
}

/**
 * Iceberg allows almost anything in names, but the tables this suite watches use SQL-style identifiers.
 * Keeping to those means the value can never add a path segment or query to an Iceberg REST catalog URL.
 */
const PART = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,127}$/;

/**
 * Parses `dataops.io/iceberg-table` (`sales.daily_orders`, or `a.b.table` for nested namespaces). The value
 * is also the `${table}` identity of query templates, so it is held to the identity alphabet as well. Throws
 * {@link AnnotationValueError} naming the value.
 * @public
 */
export function parseIcebergTableName(value: string): IcebergTableName {
  const parts = value.split('.');
  if (parts.length < 2) {
    throw new AnnotationValueError(
      `'${value}' is not of the form namespace.table`,
    );
  }
  const bad = parts.find(part => !PART.test(part));
  if (bad !== undefined) {
    throw new AnnotationValueError(
      `'${value}': part '${bad}' may only contain letters, digits, _ and - (max 128 characters)`,
    );
  }
  // After the parts, so a bad part is named; what is left to refuse is a leading `_` or the total length.
  try {
    validateIdentityValue('table', value);
  } catch {
    throw new AnnotationValueError(
      `'${value}' may only contain letters, digits and _ . : / - (starting with a letter or digit, max 253 characters)`,
    );
  }
  return { namespace: parts.slice(0, -1), table: parts[parts.length - 1] };
}
