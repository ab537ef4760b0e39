import type { SourceName } from '@dataops-observability/plugin-dataops-common';
import { DataOpsSourceError } from '../extensions/DataOpsSourceError';

/**
 * Largest upstream answer read when the environment sets no `maxResponseBytes`: 20 MiB is far above a
 * page of panels or logs and far below what would strain the backend's memory.
 * @public
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 20 * 1024 * 1024;

/** Limits and headers {@link readBody} applies to one answer. @public */
export interface ReadBodyOptions {
  /** The source the answer came from, named in the errors. */
  source: SourceName;
  /** Largest answer read, bytes (the environment's `maxResponseBytes`). */
  maxBytes: number;
  /** The answer's `Content-Length` header, as sent. */
  contentLength?: string | null;
  /** The answer's `Content-Encoding` header, as sent: a compressed answer is counted as it is read. */
  contentEncoding?: string | null;
  /** The call's signal: a body cut short by it is a timeout, reported by the caller. */
  signal: AbortSignal;
}

function tooLarge(source: SourceName, maxBytes: number): DataOpsSourceError {
  return new DataOpsSourceError({
    type: 'BAD_RESPONSE',
    source,
    message: `${source} answer is larger than ${maxBytes} bytes (maxResponseBytes); narrow the time range or raise the limit`,
  });
}

/**
 * Reads an upstream answer as UTF-8 text, never holding more than `maxBytes`: an answer that declares a
 * larger size is refused unread, and one that grows past it (chunked, or lying about its size) is cut
 * off there. A connection dropped before the declared end is reported as such, not as unreachable.
 * @public
 */
export async function readBody(
  body: AsyncIterable<Uint8Array> | null | undefined,
  options: ReadBodyOptions,
): Promise<string> {
  const { source, maxBytes, signal } = options;
  const declaredBytes = declaredSize(options);
  if (!body) {
    return '';
  }
  if (declaredBytes !== undefined && declaredBytes > maxBytes) {
    await cancel(body);
    throw tooLarge(source, maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    // Throwing inside the loop ends the iteration, which cancels the stream and closes the connection.
    for await (const chunk of body) {
      received += chunk.byteLength;
      if (received > maxBytes) {
        throw tooLarge(source, maxBytes);
      }
      chunks.push(chunk);
    }
  } catch (e) {
    if (e instanceof DataOpsSourceError || signal.aborted) {
      throw e;
    }
    const expected = declaredBytes === undefined ? '' : ` of ${declaredBytes}`;
    throw new DataOpsSourceError({
      type: 'UPSTREAM_ERROR',
      source,
      message: `${source} closed the connection after ${received}${expected} bytes, before the answer was complete`,
    });
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The size an uncompressed answer declares; a compressed one is only checked while reading. */
function declaredSize(options: ReadBodyOptions): number | undefined {
  if (!options.contentLength || options.contentEncoding) {
    return undefined;
  }
  const value = Number(options.contentLength);
  return Number.isFinite(value) ? value : undefined;
}

/** Releases a body that will not be read, so its connection is not left streaming. */
async function cancel(body: AsyncIterable<Uint8Array>): Promise<void> {
  try {
    await body[Symbol.asyncIterator]().return?.();
  } catch {
    // Already failed or closed: nothing left to release.
  }
}
