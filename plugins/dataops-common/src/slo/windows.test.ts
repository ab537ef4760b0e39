import { formatWindow, parseWindow } from './windows';

describe('parseWindow', () => {
  it.each([
    ['30d', 2592000],
    ['6h', 21600],
    ['1h', 3600],
    ['30m', 1800],
    ['5m', 300],
    ['90s', 90],
    ['1w', 604800],
  ])('reads %s as %d seconds', (text, seconds) => {
    expect(parseWindow(text)).toBe(seconds);
  });

  it.each(['', '0m', '-5m', '1.5h', '1h30m', '5', 'm', '5 M', '5y', '1e3s'])(
    'rejects %p with a message naming it',
    text => {
      expect(() => parseWindow(text)).toThrow(`Invalid window '${text}'`);
    },
  );

  it('raises an error mapped to HTTP 400 by the backend', () => {
    expect(() => parseWindow('soon')).toThrow(
      expect.objectContaining({ name: 'InputError' }),
    );
  });
});

describe('formatWindow', () => {
  it('uses the largest unit that divides the length', () => {
    expect(formatWindow(300)).toBe('5m');
    expect(formatWindow(3600)).toBe('1h');
    expect(formatWindow(86400 * 3)).toBe('3d');
    expect(formatWindow(604800)).toBe('1w');
    expect(formatWindow(5400)).toBe('90m');
    expect(formatWindow(45)).toBe('45s');
  });

  it('round-trips with parseWindow', () => {
    for (const w of ['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d']) {
      expect(formatWindow(parseWindow(w))).toBe(w);
    }
  });

  it('rejects lengths that are not whole positive seconds', () => {
    expect(() => formatWindow(0)).toThrow(/Invalid window length/);
    expect(() => formatWindow(1.5)).toThrow(/Invalid window length/);
  });
});
