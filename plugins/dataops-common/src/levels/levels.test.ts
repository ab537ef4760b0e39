import type { HealthLevel, Priority } from '../api/types';
import { HEALTH_LEVEL_RANK, isPriority, PRIORITIES, worstLevel } from '.';

describe('PRIORITIES', () => {
  it('lists every priority once, the most urgent first', () => {
    expect(PRIORITIES).toEqual(['P1', 'P2', 'P3', 'P4']);
    // A compile-time check that the list and the type agree: every Priority is a key here.
    const all: Record<Priority, true> = {
      P1: true,
      P2: true,
      P3: true,
      P4: true,
    };
    expect([...PRIORITIES].sort()).toEqual(Object.keys(all).sort());
  });

  it.each([
    ['P1', true],
    ['P4', true],
    ['P5', false],
    ['p1', false],
    ['', false],
    [1, false],
    [undefined, false],
  ])('isPriority(%j) is %s', (value, expected) => {
    expect(isPriority(value)).toBe(expected);
  });
});

describe('worstLevel', () => {
  it.each<[HealthLevel[], HealthLevel]>([
    [[], 'unknown'],
    [['healthy'], 'healthy'],
    [['healthy', 'healthy'], 'healthy'],
    [['healthy', 'unknown'], 'unknown'],
    [['unknown', 'warning', 'healthy'], 'warning'],
    [['warning', 'critical'], 'critical'],
    [['critical', 'unknown', 'healthy'], 'critical'],
  ])('of %j is %s', (levels, expected) => {
    expect(worstLevel(levels)).toBe(expected);
  });

  it('ranks healthy < unknown < warning < critical', () => {
    const order = (Object.keys(HEALTH_LEVEL_RANK) as HealthLevel[]).sort(
      (a, b) => HEALTH_LEVEL_RANK[a] - HEALTH_LEVEL_RANK[b],
    );
    expect(order).toEqual(['healthy', 'unknown', 'warning', 'critical']);
  });
});
