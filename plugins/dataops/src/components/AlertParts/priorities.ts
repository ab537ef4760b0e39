import {
  ActiveAlert,
  Priority,
} from '@dataops-observability/plugin-dataops-common';
import type { Theme } from '@material-ui/core/styles';
import { LEVEL_COLOURS, coloursOfStatus } from '../shared/healthStyle';
import type { LevelColours, StatusKey } from '../shared/healthStyle';

/** Which Backstage status colour each priority takes: the more urgent, the stronger the colour. */
const STATUS_OF_PRIORITY: Record<Priority, StatusKey> = {
  P1: 'error',
  P2: 'warning',
  P3: 'pending',
  P4: 'aborted',
};

/** Words of each alert priority. Which priorities exist, and their order, is common's `PRIORITIES`. */
export const PRIORITY_LABEL: Record<Priority, string> = {
  P1: 'P1 critical',
  P2: 'P2 high',
  P3: 'P3 medium',
  P4: 'P4 low',
};

/** Colours of a priority in the given theme, for chips (bg with fg text) and charts (line). */
export function priorityColours(
  theme: Theme,
  priority: Priority,
): LevelColours {
  return coloursOfStatus(theme, STATUS_OF_PRIORITY[priority] ?? 'aborted');
}

/**
 * @deprecated Words plus light-theme fallback colours kept for older callers; use `PRIORITY_LABEL` and
 * `priorityColours(theme, p)`.
 */
export const PRIORITY_STYLE: Record<
  Priority,
  { bg: string; fg: string; label: string }
> = {
  P1: { ...pick(LEVEL_COLOURS.critical), label: PRIORITY_LABEL.P1 },
  P2: { ...pick(LEVEL_COLOURS.warning), label: PRIORITY_LABEL.P2 },
  P3: { ...pick(LEVEL_COLOURS.warning), label: PRIORITY_LABEL.P3 },
  P4: { ...pick(LEVEL_COLOURS.unknown), label: PRIORITY_LABEL.P4 },
};

function pick(c: { bg: string; fg: string }) {
  return { bg: c.bg, fg: c.fg };
}

/**
 * Why an alert does not page anyone right now. Alertmanager 0.25 sends no `mutedBy`, so the silence and
 * inhibition lists are what tell the two apart.
 */
export function suppressionText(alert: ActiveAlert): string | undefined {
  if (alert.silencedBy?.length) return 'Silenced';
  if (alert.inhibitedBy?.length) return 'Inhibited';
  if (alert.state === 'suppressed') return 'Suppressed';
  return undefined;
}
