import { getContrastRatio, useTheme } from '@material-ui/core/styles';
import type { Theme } from '@material-ui/core/styles';
import { HealthLevel } from '@dataops-observability/plugin-dataops-common';

/** Words shown next to every colour, so colour is never the only carrier of meaning. */
export const LEVEL_LABEL: Record<HealthLevel, string> = {
  healthy: 'Healthy',
  warning: 'Warning',
  critical: 'Critical',
  unknown: 'Unknown',
};

/** A chip background, the text on it, and the colour for lines and borders drawn on the page itself. */
export type LevelColours = { bg: string; fg: string; line: string };

/** Which Backstage status colour stands for each level. */
const STATUS_OF_LEVEL = {
  healthy: 'ok',
  warning: 'warning',
  critical: 'error',
  unknown: 'aborted',
} as const;

export type StatusKey =
  | 'ok'
  | 'warning'
  | 'error'
  | 'running'
  | 'pending'
  | 'aborted';

/**
 * The single fallback: used only when the app's theme has no `palette.status` (a plain Material UI theme).
 * Backstage's light and dark themes always provide it.
 */
const FALLBACK_STATUS: Record<StatusKey, string> = {
  ok: '#1b5e20',
  warning: '#7a4b00',
  error: '#9b1c1c',
  running: '#0d3c78',
  pending: '#4527a0',
  aborted: '#37474f',
};

/** A Backstage status colour from the theme (ok, warning, error, running, pending, aborted). */
export function statusColour(theme: Theme, key: StatusKey): string {
  const status = (
    theme.palette as { status?: Partial<Record<StatusKey, string>> }
  ).status;
  return status?.[key] ?? FALLBACK_STATUS[key];
}

/**
 * Black or white, whichever reads better on `bg`. One of the two always reaches 4.5:1 (WCAG AA) on any
 * colour, while Material UI's `getContrastText` settles for 3:1 and so puts white on the dark theme's error
 * red and running blue (3.4:1 and 3.6:1).
 */
export function textOn(theme: Theme, bg: string): string {
  const { black, white } = theme.palette.common;
  return getContrastRatio(white, bg) >= getContrastRatio(black, bg)
    ? white
    : black;
}

/**
 * Solid status colour with black or white text on it: the status colours of Backstage's light theme are too
 * pale as text on paper, and those of the dark theme too light as a background tint, but as a filled chip
 * with the better of black and white on it both stay readable.
 */
export function coloursOfStatus(theme: Theme, key: StatusKey): LevelColours {
  const bg = statusColour(theme, key);
  return { bg, fg: textOn(theme, bg), line: bg };
}

/** Colours of a level in the given theme. */
export function levelColours(theme: Theme, level: HealthLevel): LevelColours {
  return coloursOfStatus(theme, STATUS_OF_LEVEL[level] ?? 'aborted');
}

/** Colours of every level in the current theme. */
export function useLevelColours(): Record<HealthLevel, LevelColours> {
  const theme = useTheme();
  return {
    healthy: levelColours(theme, 'healthy'),
    warning: levelColours(theme, 'warning'),
    critical: levelColours(theme, 'critical'),
    unknown: levelColours(theme, 'unknown'),
  };
}

/** Colours of stale data: Backstage's "pending" status, neither a problem nor healthy. */
export function useStaleColours(): LevelColours {
  return coloursOfStatus(useTheme(), 'pending');
}

/** Chart ink from the palette: axes, grid and label text that follow the theme. */
export function useChartInk() {
  const theme = useTheme();
  return {
    axis: theme.palette.text.secondary,
    grid: theme.palette.divider,
    text: theme.palette.text.primary,
    background: theme.palette.background.paper,
  };
}

/**
 * @deprecated Light-theme colours kept so older callers still compile; use `useLevelColours()`, which
 * follows the app's theme.
 */
export const LEVEL_COLOURS: Record<HealthLevel, { bg: string; fg: string }> = {
  healthy: { bg: '#e3f4e6', fg: FALLBACK_STATUS.ok },
  warning: { bg: '#fff3d6', fg: FALLBACK_STATUS.warning },
  critical: { bg: '#fde4e4', fg: FALLBACK_STATUS.error },
  unknown: { bg: '#eceff1', fg: FALLBACK_STATUS.aborted },
};

/**
 * A panel or check whose newest sample is older than the environment's bound. Its own word and colour (not
 * a level's): the value is history, so it must not read as healthy, nor as a problem in the service itself.
 * `bg`/`fg` are the light-theme fallback; components use `useStaleColours()`.
 */
export const STALE_STYLE = {
  label: 'Stale',
  bg: '#ede7f6',
  fg: FALLBACK_STATUS.pending,
} as const;
