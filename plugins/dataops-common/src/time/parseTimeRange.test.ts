import {
  TimeRangeError,
  parseTimeExpression,
  parseTimeRange,
} from './parseTimeRange';

const now = Date.parse('2026-01-10T12:00:00Z');
const nowS = now / 1000;

describe('parseTimeExpression', () => {
  it.each([
    ['now', nowS],
    ['now-6h', nowS - 6 * 3600],
    ['now-90s', nowS - 90],
    ['now-2d', nowS - 2 * 86400],
    ['now-1w', nowS - 604800],
    ['2026-01-10T10:00:00Z', nowS - 7200],
    ['2026-01-10T11:00:00.5+01:00', nowS - 7200],
  ])('%s', (text, expected) => {
    expect(parseTimeExpression('from', text, now)).toBe(expected);
  });

  it.each([
    'yesterday',
    'now-6',
    'now+1h',
    '2026-01-10',
    '2026-13-45T99:00:00Z',
  ])('rejects %s naming the parameter', text => {
    expect(() => parseTimeExpression('to', text, now)).toThrow(/Invalid 'to'/);
  });
});

describe('parseTimeRange', () => {
  it('defaults to the last 6 hours with a readable step', () => {
    expect(parseTimeRange({}, { now })).toEqual({
      from: nowS - 6 * 3600,
      to: nowS,
      step: 120,
    });
  });

  it('keeps a fine enough explicit step', () => {
    expect(parseTimeRange({ from: 'now-1h', step: '30' }, { now }).step).toBe(
      30,
    );
  });

  it('raises a step that would give more than 1000 points', () => {
    const range = parseTimeRange({ from: 'now-7d', step: '1' }, { now });
    expect(range.step).toBe(Math.ceil((7 * 86400) / 1000));
    expect((range.to - range.from) / range.step).toBeLessThanOrEqual(1000);
  });

  it('rejects inverted, too long and non-numeric input', () => {
    expect(() =>
      parseTimeRange({ from: 'now', to: 'now-1h' }, { now }),
    ).toThrow(TimeRangeError);
    expect(() => parseTimeRange({ from: 'now-60d' }, { now })).toThrow(
      /maximum/,
    );
    expect(() => parseTimeRange({ step: 'abc' }, { now })).toThrow(
      /Invalid 'step'/,
    );
    expect(() => parseTimeRange({ step: '-5' }, { now })).toThrow(
      /Invalid 'step'/,
    );
  });
});
