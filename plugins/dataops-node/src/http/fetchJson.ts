import { DataOpsSourceError } from '../extensions/DataOpsSourceError';
import type { SourceName } from '@dataops-observability/plugin-dataops-common';
import { ConcurrencyLimiter } from './ConcurrencyLimiter';
import { DEFAULT_MAX_RESPONSE_BYTES, readBody } from './readBody';
import { shorten, upstreamStatusError } from './statusError';
import { credentialsOf } from './redactSecrets';

/** How one upstream call runs: which source it reports as, its time budget and concurrency cap. @public */
export interface UpstreamCallOptions {
  /** The source the call reports its failures as. */
  source: SourceName;
  /** Budget of this one call, milliseconds; running out is UPSTREAM_TIMEOUT. */
  timeoutMs: number;
  /** The source's cap on calls in flight, shared by every call to that upstream in one environment. */
  limiter: ConcurrencyLimiter;
  /** The environment-wide signal; the per-call timeout is added to it. */
  signal?: AbortSignal;
  /** Largest answer read; default {@link DEFAULT_MAX_RESPONSE_BYTES}. */
  maxResponseBytes?: number;
  /** Secrets sent in the body (a login's password), kept out of error messages like the headers are. */
  secrets?: string[];
}

function errorMessageOf(body: string): string {
  try {
    const parsed = JSON.parse(body);
    if (parsed && typeof parsed === 'object') {
      return String(parsed.error ?? parsed.message ?? body);
    }
  } catch {
    // not JSON: use the text
  }
  return body;
}

/**
 * Runs one upstream call with the per-upstream concurrency cap and timeout, and turns every failure into
 * a typed {@link DataOpsSourceError}. `call` receives the signal to pass on.
 * @public
 */
export async function withUpstreamCall<T>(
  options: UpstreamCallOptions,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  // A timer of our own, stopped when the call ends: `AbortSignal.timeout` keeps its signal (and whatever
  // listens to it) alive until the time is up, so under load finished calls piled up for a whole timeout.
  const timeout = new AbortController();
  const timer = setTimeout(
    () =>
      timeout.abort(
        new DOMException(
          `no answer within ${options.timeoutMs} ms`,
          'TimeoutError',
        ),
      ),
    options.timeoutMs,
  );
  const signal = options.signal
    ? AbortSignal.any([options.signal, timeout.signal])
    : timeout.signal;
  try {
    return await options.limiter.run(() => call(signal), signal);
  } catch (e) {
    if (e instanceof DataOpsSourceError) {
      throw e;
    }
    if (signal.aborted) {
      throw new DataOpsSourceError({
        type: 'UPSTREAM_TIMEOUT',
        source: options.source,
        message: `${options.source} did not answer within ${options.timeoutMs} ms`,
      });
    }
    throw new DataOpsSourceError({
      type: 'UPSTREAM_ERROR',
      source: options.source,
      message: `${options.source} could not be reached: ${shorten(
        (e as Error).cause
          ? String((e as any).cause?.code ?? (e as Error).message)
          : (e as Error).message,
      )}`,
    });
  } finally {
    clearTimeout(timer);
  }
}

/** Where a redirect points, as origin and path only (a query string may carry a token). */
function describeLocation(from: string, location: string | null): string {
  if (!location) {
    return 'nowhere (no Location header)';
  }
  try {
    const target = new URL(location, from);
    return `${target.origin}${target.pathname}`;
  } catch {
    return 'an invalid Location';
  }
}

/**
 * `fetch` for JSON APIs: non-2xx answers become UPSTREAM_ERROR with the status (and, for 4xx/5xx JSON
 * bodies, the upstream's own error text, plus when to retry if it sent `Retry-After`), unparsable bodies
 * and bodies over `maxResponseBytes` BAD_RESPONSE. Redirects are never followed.
 * @public
 */
export async function fetchJson<T = unknown>(
  url: string,
  init: RequestInit,
  options: UpstreamCallOptions,
): Promise<T> {
  return withUpstreamCall(options, async signal => {
    // Redirects are never followed: a 307/308 would re-send the headers and body (an Authorization header,
    // an Argo CD login password) to wherever the upstream points, possibly another host.
    const response = await fetch(url, { ...init, signal, redirect: 'manual' });
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      throw new DataOpsSourceError({
        type: 'UPSTREAM_ERROR',
        source: options.source,
        statusCode: response.status,
        message: `${options.source} answered ${
          response.status
        } redirecting to ${describeLocation(
          url,
          response.headers.get('location'),
        )}; redirects are not followed, so configure the final URL`,
      });
    }
    const text = await readBody(response.body, {
      source: options.source,
      maxBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      contentLength: response.headers.get('content-length'),
      contentEncoding: response.headers.get('content-encoding'),
      signal,
    });
    if (!response.ok) {
      throw upstreamStatusError({
        source: options.source,
        status: response.status,
        reason: text ? errorMessageOf(text) : undefined,
        retryAfter: response.headers.get('retry-after'),
        secrets: [...credentialsOf(init.headers), ...(options.secrets ?? [])],
      });
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new DataOpsSourceError({
        type: 'BAD_RESPONSE',
        source: options.source,
        message: `${options.source} answered with something that is not JSON`,
      });
    }
  });
}

/** A BAD_RESPONSE failure: the upstream answered, but not with what its API promises. @public */
export function badResponse(
  source: SourceName,
  message: string,
): DataOpsSourceError {
  return new DataOpsSourceError({ type: 'BAD_RESPONSE', source, message });
}
