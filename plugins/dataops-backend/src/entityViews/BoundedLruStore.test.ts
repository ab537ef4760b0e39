import { BoundedLruStore } from './BoundedLruStore';

function store(
  limits: Partial<{
    maxEntries: number;
    maxBytes: number;
    maxBytesPerOwner: number;
  }> = {},
  clock = { now: 0 },
) {
  return new BoundedLruStore<string>({
    maxEntries: 100,
    maxBytes: 10_000,
    maxBytesPerOwner: 10_000,
    ...limits,
    sizeOf: v => v.length,
    now: () => clock.now,
  });
}

describe('BoundedLruStore', () => {
  it('evicts the least recently used entry when the entry cap is reached', () => {
    const s = store({ maxEntries: 2 });
    s.set('a', 'A', 1000, 'u');
    s.set('b', 'B', 1000, 'u');
    expect(s.get('a')).toBe('A');
    s.set('c', 'C', 1000, 'u');
    expect(s.get('b')).toBeUndefined();
    expect(s.get('a')).toBe('A');
    expect(s.get('c')).toBe('C');
  });

  it('evicts by size, counting keys and values', () => {
    const s = store({ maxBytes: 30 });
    s.set('k1', 'x'.repeat(10), 1000, 'u'); // 2 * 2 + 10 = 14
    s.set('k2', 'x'.repeat(10), 1000, 'v'); // 14
    s.set('k3', 'x'.repeat(10), 1000, 'w'); // 14: k1 must go
    expect(s.stats()).toEqual({ entries: 2, bytes: 28, owners: 2 });
    expect(s.get('k1')).toBeUndefined();
  });

  it('never stores an entry larger than one owner may hold', () => {
    const s = store({ maxBytesPerOwner: 10 });
    expect(s.set('k', 'x'.repeat(20), 1000, 'u')).toBe(false);
    expect(s.stats().entries).toBe(0);
  });

  it('makes room within the owner first when the owner is over their cap', () => {
    const s = store({ maxBytesPerOwner: 30 });
    s.set('o1', 'x'.repeat(10), 1000, 'other');
    s.set('m1', 'x'.repeat(10), 1000, 'mallory');
    s.set('m2', 'x'.repeat(10), 1000, 'mallory');
    s.set('m3', 'x'.repeat(10), 1000, 'mallory');
    expect(s.get('m1')).toBeUndefined();
    expect(s.get('o1')).toBe('x'.repeat(10));
    expect(s.bytesOf('mallory')).toBe(28);
  });

  it('expires entries at their time, on read and in the periodic sweep', () => {
    const clock = { now: 0 };
    const s = store({}, clock);
    s.set('a', 'A', 100, 'u');
    s.set('b', 'B', 50_000, 'u');
    clock.now = 99;
    expect(s.get('a')).toBe('A');
    clock.now = 100;
    expect(s.get('a')).toBeUndefined();
    s.set('c', 'C', 200, 'u');
    clock.now = 20_000;
    // The write triggers a sweep, which drops `c` although nobody read it.
    s.set('d', 'D', 50_000, 'u');
    expect(s.stats().entries).toBe(2);
    expect(s.set('late', 'L', 20_000, 'u')).toBe(false);
  });

  it('replaces an entry under the same key without counting it twice', () => {
    const s = store();
    s.set('a', 'AAAA', 1000, 'u');
    s.set('a', 'BB', 1000, 'v');
    expect(s.stats()).toEqual({ entries: 1, bytes: 4, owners: 1 });
    expect(s.bytesOf('u')).toBe(0);
    expect(s.get('a')).toBe('BB');
  });
});
