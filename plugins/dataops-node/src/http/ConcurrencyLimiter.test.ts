import { ConcurrencyLimiter } from './ConcurrencyLimiter';

describe('ConcurrencyLimiter', () => {
  it('never runs more than the cap at once', async () => {
    const limiter = new ConcurrencyLimiter(2);
    let running = 0;
    let peak = 0;
    const task = async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise(r => setTimeout(r, 10));
      running--;
    };
    await Promise.all(Array.from({ length: 7 }, () => limiter.run(task)));
    expect(peak).toBe(2);
    expect(limiter.inFlight).toBe(0);
  });

  it('lets queued callers give up when their signal aborts', async () => {
    const limiter = new ConcurrencyLimiter(1);
    let release!: () => void;
    const blocker = limiter.run(() => new Promise<void>(r => (release = r)));
    const controller = new AbortController();
    const queued = limiter.run(async () => 'ran', controller.signal);
    controller.abort(new Error('gave up'));
    await expect(queued).rejects.toThrow('gave up');
    release();
    await blocker;
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
  });
});
