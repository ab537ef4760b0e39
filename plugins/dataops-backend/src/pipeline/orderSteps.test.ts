import { downstreamOf, orderSteps } from './orderSteps';

describe('orderSteps', () => {
  it('puts every step after the steps upstream of it, ties by ref, and gives the longest-path column', () => {
    const { order, depth, inCycle } = orderSteps(
      ['t', 'job', 'dag', 'other-dag'],
      [
        { from: 'dag', to: 'job' },
        { from: 'job', to: 't' },
        { from: 'other-dag', to: 't' },
      ],
    );
    expect(order).toEqual(['dag', 'job', 'other-dag', 't']);
    expect([...depth]).toEqual(
      expect.arrayContaining([
        ['dag', 0],
        ['other-dag', 0],
        ['job', 1],
        ['t', 2],
      ]),
    );
    expect(inCycle.size).toBe(0);
  });

  it('keeps a cycle together, flags it, and still orders what comes after it', () => {
    const { order, depth, inCycle } = orderSteps(
      ['c', 'b', 'a', 'sink', 'self'],
      [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'a' },
        { from: 'c', to: 'sink' },
        { from: 'self', to: 'self' },
      ],
    );
    expect(order).toEqual(['a', 'b', 'c', 'self', 'sink']);
    expect([...inCycle].sort()).toEqual(['a', 'b', 'c', 'self']);
    expect(depth.get('sink')).toBe(1);
  });

  it('finds what lies downstream, through cycles, without looping', () => {
    expect(
      [
        ...downstreamOf('a', [
          { from: 'a', to: 'b' },
          { from: 'b', to: 'a' },
          { from: 'b', to: 'c' },
        ]),
      ].sort(),
    ).toEqual(['a', 'b', 'c']);
  });
});
