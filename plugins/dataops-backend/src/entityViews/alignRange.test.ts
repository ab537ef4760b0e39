import { alignRange } from './alignRange';

describe('alignRange', () => {
  it('moves ranges less than a step apart onto the same step boundary, keeping their length', () => {
    const a = alignRange({ from: 1000, to: 4600, step: 15 });
    const b = alignRange({ from: 1004, to: 4604, step: 15 });
    expect(a).toEqual({ from: 990, to: 4590, step: 15 });
    expect(b).toEqual(a);
  });

  it('leaves an aligned range as it is', () => {
    const range = { from: 900, to: 4500, step: 15 };
    expect(alignRange(range)).toBe(range);
  });
});
