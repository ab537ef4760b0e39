import type { AreaStatus, PanelState } from '../api/types';
import { worstLevel } from '../levels';
import { labelWithDetail, LevelInput } from './evaluateThresholds';
import { nameList } from './nameList';

/** A panel or check as the area rollup sees it: its level only counts when `state` is `ok`. @public */
export interface StateInput extends LevelInput {
  /** Whether the part has a value, and if not, why. */
  state: PanelState;
}

type Unjudged = Exclude<PanelState, 'ok'>;

/** How each reason for a missing value reads in a summary line, in the order they are listed. */
const UNJUDGED: Record<Unjudged, string> = {
  'not-collected': 'not collected',
  stale: 'stale (no recent samples)',
  empty: 'no samples in range',
  error: 'query failed',
};

/**
 * Rolls up panels or checks that may lack a value. The level is the worst among those with a value, so one
 * metric that is not collected does not hide six healthy panels (nor a critical one); the reason still
 * names every part that could not be judged and why. `unknown` only when no part has a value.
 * @public
 */
export function rollupStates(
  inputs: StateInput[],
  noun: string,
  emptyReason = `no ${noun}`,
): AreaStatus {
  if (inputs.length === 0) {
    return { level: 'unknown', reason: emptyReason };
  }
  // An `ok` part without a value (e.g. a null sample) has nothing to judge either: count it as empty.
  const stateOf = (i: StateInput): PanelState =>
    i.state === 'ok' && i.level === 'unknown' ? 'empty' : i.state;
  const judged = inputs.filter(i => stateOf(i) === 'ok');
  const gaps = (Object.keys(UNJUDGED) as Unjudged[]).flatMap(state => {
    const labels = inputs.filter(i => stateOf(i) === state).map(i => i.label);
    return labels.length
      ? [{ state, text: `${nameList(labels)} ${UNJUDGED[state]}` }]
      : [];
  });

  if (judged.length === 0) {
    if (gaps.length === 1) {
      const all = `all ${inputs.length} ${noun} ${UNJUDGED[gaps[0].state]}`;
      const names = nameList(inputs.map(i => i.label));
      return { level: 'unknown', reason: `unknown: ${all} (${names})` };
    }
    const reason = [
      `unknown: no ${noun} with a value`,
      ...gaps.map(g => g.text),
    ];
    return { level: 'unknown', reason: reason.join('; ') };
  }

  const level = worstLevel(judged.map(i => i.level));
  const head =
    level === 'healthy'
      ? `healthy: ${judged.length} of ${inputs.length} ${noun} within thresholds`
      : `${level}: ${nameList(
          judged.filter(i => i.level === level).map(labelWithDetail),
        )}`;
  return { level, reason: [head, ...gaps.map(g => g.text)].join('; ') };
}
