import {
  ActiveAlert,
  Priority,
} from '@dataops-observability/plugin-dataops-common';

/**
 * Colours and words of each alert priority, shared by chips and charts. Which priorities exist, and in which
 * order they are shown, is common's `PRIORITIES`.
 */
export const PRIORITY_STYLE: Record<
  Priority,
  { bg: string; fg: string; label: string }
> = {
  P1: { bg: '#9b1c1c', fg: '#ffffff', label: 'P1 critical' },
  P2: { bg: '#c2410c', fg: '#ffffff', label: 'P2 high' },
  P3: { bg: '#fff3d6', fg: '#7a4b00', label: 'P3 medium' },
  P4: { bg: '#eceff1', fg: '#37474f', label: 'P4 low' },
};

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
