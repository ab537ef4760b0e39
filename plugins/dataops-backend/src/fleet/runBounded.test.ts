import { runBounded } from './runBounded';

describe('runBounded', () => {
  it('keeps at most `concurrency` items in flight and finishes them all', async () => {
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    const finished = await runBounded({
      items: [1, 2, 3, 4, 5, 6, 7],
      concurrency: 3,
      deadlineMs: 5000,
      run: async n => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise(r => setTimeout(r, 5));
        inFlight -= 1;
        if (n === 4) throw new Error('one item failing stops nothing');
        done.push(n);
      },
    });
    expect(finished).toBe(true);
    expect(most).toBe(3);
    expect(done.sort()).toEqual([1, 2, 3, 5, 6, 7]);
  });

  it('answers at the deadline while slow work keeps running', async () => {
    const done: number[] = [];
    const finished = await runBounded({
      items: [1, 2],
      concurrency: 2,
      deadlineMs: 20,
      run: async n => {
        await new Promise(r => setTimeout(r, n === 1 ? 0 : 80));
        done.push(n);
      },
    });
    expect(finished).toBe(false);
    expect(done).toEqual([1]);
    await new Promise(r => setTimeout(r, 100));
    expect(done).toEqual([1, 2]);
  });
});
