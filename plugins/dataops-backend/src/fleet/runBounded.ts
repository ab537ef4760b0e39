/** How {@link runBounded} spreads work over time. */
export interface BoundedRunOptions<T> {
  items: T[];
  /** At most this many items are being worked on at once. */
  concurrency: number;
  /** The returned promise settles by then at the latest; items still running keep going. */
  deadlineMs: number;
  /** Works on one item; a rejection is the item's own business and stops nothing else. */
  run: (item: T) => Promise<void>;
}

/**
 * Works through `items` in order with at most `concurrency` in flight, and returns when all are done or at
 * `deadlineMs`, whichever comes first: `true` when every item finished. Work still running past the
 * deadline is not cancelled, so whatever it fills (the view cache) is ready for the next request.
 */
export async function runBounded<T>(
  options: BoundedRunOptions<T>,
): Promise<boolean> {
  const { items } = options;
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await options.run(item).catch(() => undefined);
    }
  };
  const workers = Array.from(
    { length: Math.max(1, Math.min(options.concurrency, items.length)) },
    worker,
  );
  let timer: NodeJS.Timeout | undefined;
  const finished = await Promise.race([
    Promise.all(workers).then(() => true),
    new Promise<boolean>(resolve => {
      timer = setTimeout(() => resolve(false), options.deadlineMs);
    }),
  ]);
  clearTimeout(timer);
  return finished;
}
