import {
  AnnotationValueError,
  IcebergTableName,
  parseIcebergTableName,
} from '@dataops-observability/plugin-dataops-common';

/** A table in an Iceberg catalog: namespace levels and the table name. */
export type IcebergTableIdentifier = IcebergTableName;

/** Thrown for a table name that is not `namespace.table`; callers turn it into a 400 naming the annotation. */
export class IcebergTableNameError extends Error {
  name = 'IcebergTableNameError';
}

/**
 * Parses `sales.daily_orders` (or `a.b.table` for nested namespaces) with the rulebook's rule, the one the
 * catalog applies to `dataops.io/iceberg-table`: only SQL-style identifier parts, so a value from an
 * annotation can never add a path segment or query to the catalog URL.
 */
export function parseTableIdentifier(value: string): IcebergTableIdentifier {
  try {
    return parseIcebergTableName(value);
  } catch (e) {
    if (e instanceof AnnotationValueError) {
      throw new IcebergTableNameError(e.message);
    }
    throw e;
  }
}
