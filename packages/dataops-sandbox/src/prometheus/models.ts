import { hashString, smoothNoise } from '../random';

/** Counters start from this instant, so their values are large and stable like a long-running exporter's. */
const COUNTER_EPOCH_S = 1767225600;

/**
 * An extra rate switched on at `startMs` (reaching full strength after `rampS` seconds) and off at
 * `endMs`: how scripted trouble changes a counter while keeping it a closed-form function of time.
 */
export interface RateBump {
  startMs: number;
  endMs?: number;
  extraPerSecond: number;
  rampS?: number;
}

function bumpIntegral(b: RateBump, tMs: number): number {
  const end = Math.min(tMs, b.endMs ?? Infinity);
  const elapsed = (end - b.startMs) / 1000;
  if (elapsed <= 0) return 0;
  const ramp = b.rampS ?? 0;
  if (elapsed <= ramp) return (b.extraPerSecond * elapsed * elapsed) / (2 * ramp);
  return b.extraPerSecond * (ramp / 2 + (elapsed - ramp));
}

/** Value of a gauge: base plus smooth noise of the given amplitude and period. */
export function gauge(key: string, base: number, amplitude: number, periodS: number) {
  const seed = hashString(key);
  return (tMs: number) => base + amplitude * smoothNoise(seed, tMs / 1000 / periodS);
}

/**
 * A monotonic counter whose rate is `perSecond * (1 + wobble * sin(...))` plus bumps, integrated in closed
 * form. `integer` floors the value, for counts of discrete events (runs, requests).
 */
export function counter(
  key: string,
  perSecond: number,
  options: { wobble?: number; periodS?: number; bumps?: RateBump[]; integer?: boolean } = {},
) {
  const wobble = Math.min(options.wobble ?? 0.3, 0.95);
  const period = options.periodS ?? 3600;
  const phase = (hashString(key) / 4294967296) * 2 * Math.PI;
  const omega = (2 * Math.PI) / period;
  return (tMs: number) => {
    const s = tMs / 1000 - COUNTER_EPOCH_S;
    let v =
      perSecond * s -
      ((perSecond * wobble) / omega) * (Math.cos(omega * s + phase) - Math.cos(phase));
    for (const b of options.bumps ?? []) {
      v += bumpIntegral(b, tMs);
    }
    v = Math.max(0, v);
    return options.integer ? Math.floor(v) : v;
  };
}
