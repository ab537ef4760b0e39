import {
  MAX_SLO_PERIOD_SECONDS,
  MIN_SLO_PERIOD_SECONDS,
  parseSloPeriod,
} from './period';

describe('parseSloPeriod', () => {
  it('has the bounds it documents', () => {
    expect(MIN_SLO_PERIOD_SECONDS).toBe(6 * 3600);
    expect(MAX_SLO_PERIOD_SECONDS).toBe(90 * 86400);
  });

  it.each([
    ['30d', 30 * 86400],
    ['4w', 28 * 86400],
    ['6h', 6 * 3600],
    ['90d', 90 * 86400],
    [' 7d ', 7 * 86400],
  ])('reads %j as %d seconds', (text, seconds) => {
    expect(parseSloPeriod(text)).toBe(seconds);
  });

  it.each([
    ['91d', /^Invalid SLO period '91d': at most 90d, so the metrics store/],
    ['13w', /^Invalid SLO period '13w': at most 90d/],
    [
      '5h',
      /^Invalid SLO period '5h': at least 6h, the long window of the SloErrorBudgetSlowBurn alert$/,
    ],
    ['1 month', /^Invalid window '1 month': expected a positive integer/],
    ['030d', /^Invalid window '030d'/],
  ])('rejects %j', (text, message) => {
    expect(() => parseSloPeriod(text)).toThrow(message);
  });
});
