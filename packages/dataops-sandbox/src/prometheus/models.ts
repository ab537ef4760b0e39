import { hashString, smoothNoise, unit } from '../random';

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

/** How a workload's bad spells are laid out in time; see {@link spells}. */
export interface SpellOptions {
  /** Every slot of this length holds exactly one spell. */
  slotS: number;
  minDurationS: number;
  maxDurationS: number;
  /** Extra events per second during a spell, given the spell's seeded weight in [0, 1) and its duration. */
  extraPerSecond(weight: number, durationS: number): number;
  /** Leaves out spells for which this answers true (e.g. those that would blur scripted trouble). */
  skip?(startMs: number, endMs: number): boolean;
}

/**
 * Cumulative extra events of a workload's bad spells up to `tMs`: one spell per slot, at a seeded place in
 * the slot and of seeded length. Exactly one per slot rather than a random number keeps every window of a
 * few slots holding about the same number of spells, so error budgets stay in a predictable band whatever
 * the wall-clock time. Finished slots are summed once into a prefix table, so each sample costs O(1).
 */
export function spells(key: string, options: SpellOptions): (tMs: number) => number {
  const seed = hashString(key);
  const slotMs = options.slotS * 1000;
  const epochMs = COUNTER_EPOCH_S * 1000;
  const spellIn = (slot: number) => {
    const durationS =
      options.minDurationS + (options.maxDurationS - options.minDurationS) * unit(seed, slot * 3);
    // Kept away from the slot edges so that consecutive spells are never back to back.
    const place = 0.2 + 0.6 * unit(seed, slot * 3 + 1);
    const startMs = epochMs + slot * slotMs + place * (slotMs - durationS * 1000);
    const endMs = startMs + durationS * 1000;
    const skipped = options.skip?.(startMs, endMs) ?? false;
    return { startMs, endMs, perSecond: skipped ? 0 : options.extraPerSecond(unit(seed, slot * 3 + 2), durationS) };
  };
  const laidOut: Array<ReturnType<typeof spellIn>> = [];
  const eventsUntil = (slot: number, tMs: number) => {
    const s = (laidOut[slot] ??= spellIn(slot));
    return (s.perSecond * Math.max(0, Math.min(tMs, s.endMs) - s.startMs)) / 1000;
  };
  const prefix = [0];
  return (tMs: number) => {
    const slot = Math.floor((tMs - epochMs) / slotMs);
    if (slot < 0) return 0;
    while (prefix.length <= slot) {
      const done = prefix.length - 1;
      prefix.push(prefix[done] + eventsUntil(done, Infinity));
    }
    return prefix[slot] + eventsUntil(slot, tMs);
  };
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
  options: {
    wobble?: number;
    periodS?: number;
    bumps?: RateBump[];
    /** Further cumulative events, e.g. from {@link spells}; negative to take them away. */
    extra?: (tMs: number) => number;
    integer?: boolean;
  } = {},
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
    if (options.extra) v += options.extra(tMs);
    v = Math.max(0, v);
    return options.integer ? Math.floor(v) : v;
  };
}
