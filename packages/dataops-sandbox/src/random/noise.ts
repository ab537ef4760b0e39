import { unit } from './hash';

/**
 * Smooth value noise in [-1, 1]: random values at integer knots, joined by a cosine curve. Gauges built on
 * it wander believably and are still a pure function of (seed, time), which is what lets a real Prometheus
 * be backfilled with exactly the samples the evaluator sees.
 */
export function smoothNoise(seed: number, x: number): number {
  const k = Math.floor(x);
  const f = x - k;
  const a = unit(seed, k) * 2 - 1;
  const b = unit(seed, k + 1) * 2 - 1;
  const w = (1 - Math.cos(f * Math.PI)) / 2;
  return a * (1 - w) + b * w;
}
