/** A table in an Iceberg catalog: namespace levels and the table name. */
export interface IcebergTableIdentifier {
  namespace: string[];
  table: string;
}

/**
 * Iceberg allows almost anything in names, but the tables this suite watches use SQL-style identifiers.
 * Keeping to those means a value from an annotation can never add a path segment or query to the URL.
 */
const PART = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,127}$/;

/** Thrown for a table name that is not `namespace.table`; callers turn it into a 400 naming the annotation. */
export class IcebergTableNameError extends Error {
  name = 'IcebergTableNameError';
}

/** Parses `sales.daily_orders` (or `a.b.table` for nested namespaces): the last part is the table. */
export function parseTableIdentifier(value: string): IcebergTableIdentifier {
  const parts = value.split('.');
  if (parts.length < 2) {
    throw new IcebergTableNameError(
      `'${value}' is not of the form namespace.table`,
    );
  }
  const bad = parts.find(p => !PART.test(p));
  if (bad !== undefined) {
    throw new IcebergTableNameError(
      `'${value}': part '${bad}' may only contain letters, digits, _ and - (max 128 characters)`,
    );
  }
  return { namespace: parts.slice(0, -1), table: parts[parts.length - 1] };
}
