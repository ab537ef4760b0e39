import { retryAfterHint, upstreamStatusError } from './statusError';

describe('retryAfterHint', () => {
  const now = Date.parse('2026-01-01T10:00:00Z');

  it.each([
    ['120', '; retry after 120 s'],
    ['Thu, 01 Jan 2026 10:00:30 GMT', '; retry after 30 s'],
    ['Thu, 01 Jan 2026 09:00:00 GMT', '; retry after 0 s'],
    ['soon', ''],
    [null, ''],
  ])('reads %p as %p', (header, hint) => {
    expect(retryAfterHint(header, now)).toBe(hint);
  });
});

describe('upstreamStatusError', () => {
  it('names source, status and reason, shortened to one line', () => {
    const e = upstreamStatusError({
      source: 'argocd',
      status: 429,
      reason: `too\nmany ${'x'.repeat(400)}`,
      retryAfter: '3',
    });
    expect(e).toMatchObject({
      type: 'UPSTREAM_ERROR',
      source: 'argocd',
      statusCode: 429,
    });
    expect(e.message).toMatch(
      /^argocd answered 429: too many x+\.\.\.; retry after 3 s$/,
    );
    expect(e.message.length).toBeLessThan(360);
  });
});
