/**
 * Application ids as YARN, Kubernetes and local mode write them (`application_1517290848707_0008`,
 * `spark-4a1f...`, `local-1700000000000`) and attempt ids (`1`): letters, digits, `_ . -`. An id from an
 * upstream answer that is anything else never becomes a path segment.
 */
const APP_ID = /^[A-Za-z0-9_.-]{1,128}$/;
const ATTEMPT_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** True when `value` is usable as an application id in a URL path. */
export function isValidSparkAppId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    APP_ID.test(value) &&
    value !== '.' &&
    value !== '..'
  );
}

/** True when `value` is usable as an attempt id in a URL path. */
export function isValidSparkAttemptId(value: unknown): value is string {
  return typeof value === 'string' && ATTEMPT_ID.test(value);
}

/** `<app>` or `<app>/<attempt>`, each segment encoded: the `[app-id]` of the API's paths. */
export function appPath(appId: string, attemptId?: string): string {
  if (!isValidSparkAppId(appId)) {
    throw new Error(
      `'${String(appId).slice(0, 80)}' is not a valid Spark application id`,
    );
  }
  if (attemptId !== undefined && !isValidSparkAttemptId(attemptId)) {
    throw new Error(
      `'${String(attemptId).slice(0, 40)}' is not a valid Spark attempt id`,
    );
  }
  return attemptId === undefined
    ? encodeURIComponent(appId)
    : `${encodeURIComponent(appId)}/${encodeURIComponent(attemptId)}`;
}
