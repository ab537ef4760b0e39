/**
 * 32-bit FNV-1a. Every generated value is keyed by a string (series identity, bucket of time), so the same
 * key gives the same number on every run and every machine.
 */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes an integer into a seed (murmur3 finaliser), for keys like (series, time bucket). */
export function mix(seed: number, value: number): number {
  let h = (seed ^ Math.imul(value | 0, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform number in [0, 1) fully determined by the seed and the integer. */
export function unit(seed: number, value: number): number {
  return mix(seed, value) / 4294967296;
}
