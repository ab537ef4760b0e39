import { HealthLevel } from '@dataops-observability/plugin-dataops-common';

/** Words shown next to every colour, so colour is never the only carrier of meaning. */
export const LEVEL_LABEL: Record<HealthLevel, string> = {
  healthy: 'Healthy',
  warning: 'Warning',
  critical: 'Critical',
  unknown: 'Unknown',
};

/** Background and text colours with at least 4.5:1 contrast for each level. */
export const LEVEL_COLOURS: Record<HealthLevel, { bg: string; fg: string }> = {
  healthy: { bg: '#e3f4e6', fg: '#1b5e20' },
  warning: { bg: '#fff3d6', fg: '#7a4b00' },
  critical: { bg: '#fde4e4', fg: '#9b1c1c' },
  unknown: { bg: '#eceff1', fg: '#37474f' },
};

/**
 * A panel or check whose newest sample is older than the environment's bound. Its own word and colour (not
 * a level's): the value is history, so it must not read as healthy, nor as a problem in the service itself.
 */
export const STALE_STYLE = {
  label: 'Stale',
  bg: '#ede7f6',
  fg: '#4527a0',
} as const;
