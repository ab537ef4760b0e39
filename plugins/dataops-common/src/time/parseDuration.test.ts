import { parseDuration } from './parseDuration';

describe('parseDuration', () => {
  it.each([
    ['90s', 90],
    ['5m', 300],
    ['6h', 21600],
    ['30d', 2592000],
    ['1w', 604800],
    ['0s', 0],
    ['05m', 300],
  ])('reads %s as %d seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['', '5', 'm', '1h30m', '1.5h', '-5m', '5y', ' 5m', '5M'])(
    'rejects %p',
    text => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );

  it('bounds the number of digits', () => {
    expect(parseDuration('9999999s')).toBe(9999999);
    expect(parseDuration('12345678s')).toBeUndefined();
    expect(parseDuration('123456s', { maxDigits: 6 })).toBe(123456);
    expect(parseDuration('1234567s', { maxDigits: 6 })).toBeUndefined();
  });

  it('accepts only the canonical spelling when asked', () => {
    expect(parseDuration('5m', { canonical: true })).toBe(300);
    expect(parseDuration('05m', { canonical: true })).toBeUndefined();
    expect(parseDuration('0m', { canonical: true })).toBeUndefined();
  });
});
