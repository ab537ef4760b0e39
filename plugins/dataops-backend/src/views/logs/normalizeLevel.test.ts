import { normalizeLevel } from './logsView';

describe('normalizeLevel', () => {
  it('maps aliases and keeps known levels', () => {
    expect(normalizeLevel('WARNING')).toBe('warn');
    expect(normalizeLevel('fatal')).toBe('error');
    expect(normalizeLevel('debug')).toBe('debug');
  });

  it.each(Object.getOwnPropertyNames(Object.prototype))(
    'treats the level %s as unknown, not as an object key',
    key => {
      expect(normalizeLevel(key)).toBe('unknown');
    },
  );
});
