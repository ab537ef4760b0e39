import { clusterByGap, countRounds } from './rounds';

describe('countRounds', () => {
  it('puts calls that arrive close together into one round', () => {
    expect(countRounds([0, 1, 2, 3.5], 50)).toBe(1);
  });

  it('starts a new round after a pause longer than the gap, in any input order', () => {
    // query_range x3, then series for the empty panel 100 ms later, then its fallback another 100 ms later.
    expect(countRounds([205, 0, 2, 103, 1], 50)).toBe(3);
  });

  it('counts no rounds without calls', () => {
    expect(countRounds([], 50)).toBe(0);
  });
});

describe('clusterByGap', () => {
  it('groups sorted times and keeps every time', () => {
    expect(clusterByGap([5000, 10, 0, 5001, 12000], 1000)).toEqual([
      [0, 10],
      [5000, 5001],
      [12000],
    ]);
  });

  it('keeps a chain of small gaps together even when it spans more than the gap', () => {
    expect(clusterByGap([0, 40, 80, 120], 50)).toEqual([[0, 40, 80, 120]]);
  });
});
