/**
 * Airflow's own rule for DAG and task ids (letters, digits, `_ . -`, at most 250), so an id from an
 * annotation or an upstream answer can never add a path segment, a query or `~` (Airflow's "every DAG").
 */
const DAG_OR_TASK_ID = /^[A-Za-z0-9_.-]{1,250}$/;
/** Airflow's default `allowed_run_id_pattern` (scheduled runs carry `:` and `+` of their timestamp). */
const RUN_ID = /^[A-Za-z0-9_.~:+-]{1,250}$/;
/** Whole values a URL parser would treat as `.`/`..` segments or Airflow as "all". */
const SPECIAL = new Set(['.', '..', '~']);

/** Thrown for an id the client will not put in a URL; the view names the annotation or the run. */
export class AirflowIdError extends Error {
  name = 'AirflowIdError';
}

function check(kind: string, value: string, pattern: RegExp): string {
  if (typeof value !== 'string' || !pattern.test(value) || SPECIAL.has(value)) {
    throw new AirflowIdError(
      `${kind} '${String(value).slice(0, 80)}' is not a valid Airflow ${kind}`,
    );
  }
  return value;
}

/** A DAG id as one encoded path segment. */
export function dagIdSegment(dagId: string): string {
  return encodeURIComponent(check('DAG id', dagId, DAG_OR_TASK_ID));
}

/** A DAG run id as one encoded path segment. */
export function runIdSegment(runId: string): string {
  return encodeURIComponent(check('run id', runId, RUN_ID));
}

/** True when `value` is usable as a DAG id. */
export function isValidDagId(value: string): boolean {
  return DAG_OR_TASK_ID.test(value) && !SPECIAL.has(value);
}

/** True when `value` is usable as a task id. */
export function isValidTaskId(value: string): boolean {
  return isValidDagId(value);
}

/** True when `value` is usable as a run id. */
export function isValidRunId(value: string): boolean {
  return RUN_ID.test(value) && !SPECIAL.has(value);
}
