import {
  ANNOTATIONS,
  DEFAULT_SLO_POLICY,
  errorBudgetRatio,
  parseObjective,
  parseWindow,
} from '@dataops-observability/plugin-dataops-common';
import { unit, hashString } from '../random';
import { Env, ScenarioEntity } from '../scenario';
import { counter, RateBump, spells } from './models';

/** Scripted trouble: the failure share switches to `ratio` from `sinceMs` on. */
export interface OutcomeTrouble {
  ratio: number;
  sinceMs: number;
}

/**
 * How healthy SLIs spend their error budget, as shares of one SLO period's budget. A steady trickle of
 * failures plus one bad spell of a few hours every ten days: any 30-day window holds two to four spells, so
 * a healthy entity keeps roughly 60-85% of its budget and its burndown is flat with a few steps. The limits
 * keep every spell below the burn-rate alert thresholds (fast 36 over 1h, slow 12 over 6h) even counting
 * one event of rounding, so only scripted trouble pages.
 */
export const HEALTHY_BUDGET_SPEND = {
  trickle: { min: 0.06, max: 0.09 },
  spell: { min: 0.045, max: 0.07, slotDays: 10, minHours: 4, maxHours: 8 },
  /** Spells stay this far away from scripted trouble so that its burn rates read as documented. */
  quietBeforeTroubleHours: 6,
} as const;

/** Success/failure counter pair with a constant total rate; extra failures are taken from the successes. */
export function outcomeCounters(
  key: string,
  perSecond: number,
  baseFailure: number,
  trouble?: OutcomeTrouble,
  options: { extraFailures?: (tMs: number) => number; wobble?: number; integer?: boolean } = {},
) {
  const { extraFailures, wobble = 0.2, integer = true } = options;
  const extra = trouble ? perSecond * (trouble.ratio - baseFailure) : 0;
  const bump = (sign: number): RateBump[] =>
    trouble ? [{ startMs: trouble.sinceMs, extraPerSecond: sign * extra }] : [];
  return {
    succeeded: counter(`${key}/ok`, perSecond * (1 - baseFailure), {
      wobble,
      bumps: bump(-1),
      extra: extraFailures && (t => -extraFailures(t)),
      integer,
    }),
    failed: counter(`${key}/failed`, perSecond * baseFailure, {
      wobble,
      bumps: bump(1),
      extra: extraFailures,
      integer,
    }),
  };
}

/** Objective and period the backend will judge this entity by, so the demo data can be calibrated to them. */
function sloOf(entity: ScenarioEntity, env: Env): { budgetRatio: number; periodS: number } {
  const read = <T>(key: string, parse: (text: string) => T, fallback: T): T => {
    const text = entity.annotation(key, env);
    try {
      return text ? parse(text) : fallback;
    } catch {
      return fallback;
    }
  };
  return {
    budgetRatio: errorBudgetRatio(read(ANNOTATIONS.sloObjective, parseObjective, DEFAULT_SLO_POLICY.objective)),
    periodS: read(ANNOTATIONS.sloWindow, parseWindow, parseWindow(DEFAULT_SLO_POLICY.period)),
  };
}

/**
 * The counters an SLI template reads, calibrated to the entity's own objective: a healthy trickle of
 * failures and bad spells (see {@link HEALTHY_BUDGET_SPEND}), each entity and environment drawing its own
 * shares, plus the scripted trouble if any.
 */
export function sliOutcomeCounters(
  key: string,
  entity: ScenarioEntity,
  env: Env,
  perSecond: number,
  trouble?: OutcomeTrouble,
) {
  const { budgetRatio, periodS } = sloOf(entity, env);
  const { trickle, spell, quietBeforeTroubleHours } = HEALTHY_BUDGET_SPEND;
  const between = (range: { min: number; max: number }, u: number) => range.min + (range.max - range.min) * u;
  const trickleShare = between(trickle, unit(hashString(key), 1));
  const quietFromMs = trouble ? trouble.sinceMs - quietBeforeTroubleHours * 3600000 : Infinity;
  const badSpells = spells(`${key}/spells`, {
    slotS: spell.slotDays * 86400,
    minDurationS: spell.minHours * 3600,
    maxDurationS: spell.maxHours * 3600,
    // A spell spending share c of the budget in d seconds fails c x budget ratio x period / d of the runs.
    extraPerSecond: (weight, durationS) =>
      (perSecond * between(spell, weight) * budgetRatio * periodS) / durationS,
    skip: (_startMs, endMs) => endMs > quietFromMs,
  });
  // Not floored to whole events: with a run every two minutes a 5-minute window holds two or three runs, and
  // whole failures would make the short burn-rate windows (and so the scripted fast burn) flicker on and off.
  // A steady total rate keeps the 20% of the scripted fast burn at a burn rate of 40, not 33 to 50.
  return outcomeCounters(key, perSecond, trickleShare * budgetRatio, trouble, {
    extraFailures: badSpells,
    wobble: 0.05,
    integer: false,
  });
}
