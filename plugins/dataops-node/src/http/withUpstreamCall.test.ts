import { ConcurrencyLimiter } from './ConcurrencyLimiter';
import { withUpstreamCall } from './fetchJson';

describe('withUpstreamCall', () => {
  const options = () => ({
    source: 'thanos' as const,
    timeoutMs: 60_000,
    limiter: new ConcurrencyLimiter(4),
  });

  it('stops its timer when the call is over, so a finished call holds nothing until its timeout', async () => {
    let seen: AbortSignal | undefined;
    await withUpstreamCall({ ...options(), timeoutMs: 20 }, async signal => {
      seen = signal;
      return 'answer';
    });
    await new Promise(r => setTimeout(r, 60));
    // A timer left running would have fired and aborted the finished call's signal by now.
    expect(seen!.aborted).toBe(false);
  });

  it('still reports a call that runs out of time as UPSTREAM_TIMEOUT', async () => {
    await expect(
      withUpstreamCall(
        { ...options(), timeoutMs: 20 },
        signal =>
          new Promise((_, reject) =>
            signal.addEventListener('abort', () => reject(signal.reason)),
          ),
      ),
    ).rejects.toMatchObject({ type: 'UPSTREAM_TIMEOUT' });
  });
});
