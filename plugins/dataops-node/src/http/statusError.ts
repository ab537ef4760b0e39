import type { SourceName } from '@dataops-observability/plugin-dataops-common';
import { DataOpsSourceError } from '../extensions/DataOpsSourceError';
import { redactSecrets } from './redactSecrets';

/**
 * When to try again, from a `Retry-After` header (seconds or an HTTP date), as the end of an error
 * message; empty when the header is absent or unreadable.
 */
export function retryAfterHint(
  header: string | null | undefined,
  now: number = Date.now(),
): string {
  const value = header?.trim();
  if (!value) {
    return '';
  }
  let seconds: number;
  if (/^\d+$/.test(value)) {
    seconds = Number(value);
  } else {
    const at = Date.parse(value);
    if (Number.isNaN(at)) {
      return '';
    }
    seconds = Math.max(0, Math.ceil((at - now) / 1000));
  }
  return `; retry after ${seconds} s`;
}

/** Upstream error bodies can echo request data; keep only a short prefix for the user. */
export function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 300 ? `${oneLine.slice(0, 300)}...` : oneLine;
}

/**
 * A non-2xx answer: UPSTREAM_ERROR with the status, the upstream's own reason and, for 429 and 503 with
 * `Retry-After`, when to retry. Errors are never cached, so the next page view asks again.
 * @public
 */
export function upstreamStatusError(options: {
  source: SourceName;
  status: number;
  reason?: string;
  retryAfter?: string | null;
  /** Credentials the request carried: proxies and debug endpoints echo them back in error bodies. */
  secrets?: string[];
}): DataOpsSourceError {
  const { source, status, retryAfter } = options;
  const reason =
    options.reason && redactSecrets(options.reason, options.secrets ?? []);
  return new DataOpsSourceError({
    type: 'UPSTREAM_ERROR',
    source,
    statusCode: status,
    message: `${source} answered ${status}${
      reason ? `: ${shorten(reason)}` : ''
    }${retryAfterHint(retryAfter)}`,
  });
}
