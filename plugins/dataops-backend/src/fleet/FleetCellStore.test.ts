import { FleetCellStore } from './FleetCellStore';
import type { FleetCell } from './computeFleet';

const cell = (reason: string): FleetCell => ({
  level: 'healthy',
  word: 'Healthy',
  reason,
});

function deferred() {
  let resolve!: (c: FleetCell) => void;
  const promise = new Promise<FleetCell>(r => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('FleetCellStore', () => {
  let now = 0;
  const store = (concurrency = 10, maxEntries = 100) =>
    new FleetCellStore({
      freshMs: 1000,
      maxAgeMs: 5000,
      concurrency,
      maxEntries,
      now: () => now,
    });

  beforeEach(() => {
    now = 1_000_000;
  });

  it('computes a cell once while it is in flight and serves it, stamped, while fresh', async () => {
    const cells = store();
    const work = deferred();
    const compute = jest.fn(() => work.promise);
    const first = cells.cell('a', compute);
    const second = cells.cell('a', compute);
    work.resolve(cell('one'));
    expect(await first).toEqual({
      ...cell('one'),
      computedAt: new Date(now).toISOString(),
    });
    expect(await second).toEqual(await first);
    now += 999;
    expect((await cells.cell('a', compute)).reason).toBe('one');
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('keeps a failed cell only briefly and makes the next look wait for it to be computed again', async () => {
    const cells = new FleetCellStore({
      freshMs: 1000,
      failedFreshMs: 100,
      maxAgeMs: 5000,
      concurrency: 10,
      maxEntries: 100,
      now: () => now,
    });
    await cells.cell('a', async () => ({ ...cell('timed out'), failed: true }));
    now += 99;
    expect((await cells.cell('a', async () => cell('unused'))).reason).toBe(
      'timed out',
    );
    now += 2;
    // Past its short freshness a failed cell is not served stale: the caller gets the new computation.
    expect((await cells.cell('a', async () => cell('judged'))).reason).toBe(
      'judged',
    );
  });

  it('serves a stale cell at once while computing it again, and not once it is too old', async () => {
    const cells = store();
    await cells.cell('a', async () => cell('old'));
    now += 2000;
    const again = deferred();
    const stale = await cells.cell('a', () => again.promise);
    expect(stale.reason).toBe('old');
    expect(cells.busy).toBe(1);
    again.resolve(cell('new'));
    await new Promise(r => setImmediate(r));
    expect((await cells.cell('a', async () => cell('unused'))).reason).toBe(
      'new',
    );
    now += 6000;
    const tooOld = cells.cell('a', async () => cell('newest'));
    expect((await tooOld).reason).toBe('newest');
  });

  it('never computes more cells at once than its concurrency, across callers', async () => {
    const cells = store(2);
    const works = Array.from({ length: 5 }, deferred);
    let running = 0;
    let most = 0;
    const all = works.map((w, i) =>
      cells.cell(`k${i}`, async () => {
        running += 1;
        most = Math.max(most, running);
        const c = await w.promise;
        running -= 1;
        return c;
      }),
    );
    for (const w of works) {
      await new Promise(r => setImmediate(r));
      w.resolve(cell('done'));
    }
    await Promise.all(all);
    expect(most).toBe(2);
  });

  it('gives a free slot to a missing cell before a refresh of one it can still serve', async () => {
    const cells = store(1);
    await cells.cell('known', async () => cell('known'));
    now += 2000;
    const blocker = deferred();
    const order: string[] = [];
    const first = cells.cell('blocker', () => blocker.promise);
    // Stale: served at once, its refresh waits for the slot...
    await cells.cell('known', async () => {
      order.push('refresh');
      return cell('known again');
    });
    // ...and a cell nobody has yet, asked later, goes first.
    const missing = cells.cell('missing', async () => {
      order.push('missing');
      return cell('missing');
    });
    blocker.resolve(cell('blocker'));
    await Promise.all([first, missing]);
    await new Promise(r => setImmediate(r));
    expect(order).toEqual(['missing', 'refresh']);
  });

  it('keeps no failure, so the next request tries again, and forgets the oldest beyond its bound', async () => {
    const cells = store(10, 2);
    await expect(
      cells.cell('a', async () => {
        throw new Error('upstream down');
      }),
    ).rejects.toThrow('upstream down');
    expect((await cells.cell('a', async () => cell('back'))).reason).toBe(
      'back',
    );
    await cells.cell('b', async () => cell('b'));
    await cells.cell('c', async () => cell('c'));
    const recompute = jest.fn(async () => cell('again'));
    await cells.cell('a', recompute);
    expect(recompute).toHaveBeenCalledTimes(1);
  });
});
