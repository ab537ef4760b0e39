import {
  axisDomainMax,
  formatDuration,
  formatValue,
  unitKind,
  unitLabel,
} from './units';

describe('formatValue', () => {
  it.each([
    [85.25, 'percent', '85.3%'],
    [0.853, 'ratio', '85.3%'],
    [0.853, 'percentunit', '85.3%'],
    [0, 'percent', '0%'],
    [0.0004, 'seconds', '400 µs'],
    [0.25, 'seconds', '250 ms'],
    [12.5, 's', '12.5 s'],
    [125, 'seconds', '2.08 min'],
    [7200, 'seconds', '2 h'],
    [172800, 'seconds', '2 d'],
    [1500, 'ms', '1.5 s'],
    [512, 'bytes', '512 B'],
    [1536, 'bytes', '1.5 KiB'],
    [3 * 1024 ** 3, 'bytes', '3 GiB'],
    [42, 'ops/s', '42 ops/s'],
    [12345, 'reqps', '12.3k ops/s'],
    [2500000, 'count', '2.5M'],
    [3, '', '3'],
    [7, 'widgets', '7'],
  ])('formats %p %s as %s', (value, unit, expected) => {
    expect(formatValue(value, unit)).toBe(expected);
  });

  it('never renders a missing value as zero', () => {
    expect(formatValue(null, 'percent')).toBe('no value');
    expect(formatValue(undefined, 'bytes')).toBe('no value');
    expect(formatValue(NaN, 'seconds')).toBe('no value');
    expect(formatValue(Infinity, 'count')).toBe('∞');
  });

  it('keeps the sign of negative values', () => {
    expect(formatValue(-2048, 'bytes')).toBe('-2 KiB');
    expect(formatValue(-0.5, 'seconds')).toBe('-500 ms');
  });
});

describe('unit helpers', () => {
  it('maps aliases to families', () => {
    expect(unitKind('Percent')).toBe('percent');
    expect(unitKind('req/s')).toBe('ops');
    expect(unitKind(undefined)).toBe('count');
  });

  it('labels axes and bounds percentages', () => {
    expect(unitLabel('s')).toBe('duration');
    expect(unitLabel('bytes')).toBe('bytes');
    expect(axisDomainMax('percent')).toBe(100);
    expect(axisDomainMax('ratio')).toBe(1);
    expect(axisDomainMax('bytes')).toBe('auto');
  });
});

describe('formatDuration', () => {
  it.each([
    [30_000, '30 s'],
    [7 * 60_000, '7 min'],
    [65 * 60_000, '1 h 5 min'],
    [120 * 60_000, '2 h'],
    [3 * 86_400_000, '3 d'],
    [-5, '0 s'],
  ])('formats %p ms as %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});
