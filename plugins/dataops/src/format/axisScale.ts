import type { Thresholds } from '@dataops-observability/plugin-dataops-common';
import { axisDomainMax } from './units';

/** Domain and tick values of a value axis, ticks ascending and evenly spaced. */
export interface AxisScale {
  domain: [number, number];
  ticks: number[];
}

const NICE_STEPS = [1, 2, 2.5, 5, 10];

/** Drops binary floating-point noise from tick values (0.1 * 3 -> 0.3), so labels and keys stay exact. */
function clean(value: number): number {
  const v = Number(value.toPrecision(12));
  return Object.is(v, -0) ? 0 : v;
}

/**
 * Evenly spaced "round" tick values (steps of 1, 2, 2.5 or 5 times a power of ten) from at or below `min`
 * to at or above `max`, ascending, at most about `maxTicks` of them. Chart libraries pick ticks from the
 * domain on their own, which goes wrong on unusual domains (negative budgets); giving them explicit ticks
 * keeps the labels monotonic and signed.
 */
export function niceTicks(min: number, max: number, maxTicks = 6): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  let lo = Math.min(min, max);
  let hi = Math.max(min, max);
  if (hi - lo < 1e-12) {
    // A flat series still needs an axis around its value.
    const pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1;
    lo -= pad;
    hi += pad;
  }
  const rough = (hi - lo) / Math.max(1, maxTicks - 1);
  const power = Math.pow(10, Math.floor(Math.log10(rough)));
  const step = power * NICE_STEPS.find(s => s * power >= rough * (1 - 1e-9))!;
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(clean(i * step));
  return ticks;
}

/**
 * Y axis of an error-budget burndown: from 100% down to the lowest value, which may be far below zero once
 * the budget is overspent. The top stays at exactly 1 (a full budget), zero is always shown.
 */
export function burndownAxisScale(
  values: Array<number | null | undefined>,
): AxisScale {
  const finite = values.filter(
    (v): v is number => typeof v === 'number' && Number.isFinite(v),
  );
  const lowest = Math.min(0, ...finite);
  const ticks = niceTicks(lowest, 1, 6).filter(t => t <= 1);
  if (ticks[ticks.length - 1] !== 1) ticks.push(1);
  return { domain: [ticks[0], 1], ticks };
}

/** "100%", "-37.5%", "0%": fractions as signed percent axis labels. */
export function formatAxisPercent(fraction: number): string {
  return `${clean(Number((fraction * 100).toFixed(1)))}%`;
}

/** Share of the span added above the highest value or threshold, so a line never sits on the frame. */
const HEADROOM = 0.15;

/**
 * Y axis of a metric panel, scaled to what is drawn: the data and the thresholds (so a threshold line is
 * always visible), plus some headroom. Starts at zero unless values go negative. Percent and ratio axes
 * never leave 0-100% (0-1), but no longer stretch to 100% when every value is small: "Failed jobs" at 1%
 * with thresholds at 3% and 5% gets an axis to about 6%, not a flat line on the floor of a 0-100% chart.
 */
export function valueAxisScale(options: {
  values: Array<number | null | undefined>;
  unit?: string;
  thresholds?: Thresholds;
}): AxisScale {
  const finite = options.values.filter(
    (v): v is number => typeof v === 'number' && Number.isFinite(v),
  );
  const marks = [
    options.thresholds?.warning,
    options.thresholds?.critical,
  ].filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const all = [...finite, ...marks];
  const bound = axisDomainMax(options.unit);
  const upper = bound === 'auto' ? Infinity : bound;
  if (all.length === 0) {
    const top = bound === 'auto' ? 1 : bound;
    return { domain: [0, top], ticks: niceTicks(0, top) };
  }
  const lowest = Math.min(0, ...all);
  const highest = Math.max(...all);
  const span = highest - lowest || Math.abs(highest) || 1;
  const top = highest + span * HEADROOM;
  const lower = bound === 'auto' ? lowest : Math.max(0, lowest);
  const ticks = niceTicks(lower, Math.min(top, upper)).filter(
    t => t >= (bound === 'auto' ? -Infinity : 0) && t <= upper,
  );
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks };
}
