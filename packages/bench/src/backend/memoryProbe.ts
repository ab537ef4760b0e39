/** Asks a benchmark backend for its memory after a full garbage collection (IPC, see {@link answerMemoryProbes}). */
export interface MemoryProbeRequest {
  type: 'bench-memory-probe';
}

export interface MemoryProbeAnswer {
  type: 'bench-memory';
  rssBytes: number;
  heapUsedBytes: number;
  /** Memory outside the V8 heap held by JavaScript objects: buffers (cached answers are buffers). */
  externalBytes: number;
}

/**
 * Answers memory probes from the parent process. Runs a full garbage collection first (the process is
 * started with --expose-gc), so what stays is live memory, not garbage that a later collection would free:
 * a leak shows as growth between probes, GC timing does not.
 */
export function answerMemoryProbes(): void {
  process.on('message', (message: MemoryProbeRequest) => {
    if (message?.type !== 'bench-memory-probe') {
      return;
    }
    global.gc?.();
    const usage = process.memoryUsage();
    const answer: MemoryProbeAnswer = {
      type: 'bench-memory',
      rssBytes: usage.rss,
      heapUsedBytes: usage.heapUsed,
      externalBytes: usage.external,
    };
    process.send?.(answer);
  });
}
