/**
 * Caps the calls in flight to one upstream. A page view fans out into many panel queries; without a cap a
 * few users would open dozens of parallel connections to one Thanos. Waiters give up when their signal
 * aborts, so a queued call still respects the environment's timeout.
 * @public
 */
export class ConcurrencyLimiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly max: number) {}

  /** Calls running now. */
  get inFlight(): number {
    return this.active;
  }

  /** Runs `task` once fewer than the cap are running; gives up waiting when `signal` aborts. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    if (this.active < this.max) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          signal?.removeEventListener('abort', waiter.abort);
          this.active++;
          resolve();
        },
        abort: () => {
          const index = this.waiting.indexOf(waiter.grant);
          if (index >= 0) {
            this.waiting.splice(index, 1);
          }
          reject(signal!.reason);
        },
      };
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      signal?.addEventListener('abort', waiter.abort, { once: true });
      this.waiting.push(waiter.grant);
    });
  }
}
