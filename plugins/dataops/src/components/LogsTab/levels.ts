import { alpha } from '@material-ui/core/styles';
import type { Theme } from '@material-ui/core/styles';
import { LogLevel } from '@dataops-observability/plugin-dataops-common';
import { coloursOfStatus } from '../shared/healthStyle';
import type { LevelColours, StatusKey } from '../shared/healthStyle';

/** Levels offered by the filter, most severe first. */
export const FILTER_LEVELS: LogLevel[] = ['error', 'warn', 'info', 'debug'];

/** Which Backstage status colour each log level takes, so a level means the same colour as on other tabs. */
const STATUS_OF_LOG_LEVEL: Record<LogLevel, StatusKey> = {
  error: 'error',
  warn: 'warning',
  info: 'running',
  debug: 'aborted',
  trace: 'aborted',
  unknown: 'aborted',
};

/** Stack order of the histogram, bottom to top. */
export const LEVEL_SERIES: Array<{ level: LogLevel }> = [
  { level: 'error' },
  { level: 'warn' },
  { level: 'info' },
  { level: 'debug' },
  { level: 'trace' },
  { level: 'unknown' },
];

/** Colour of a log level in the given theme: bar fill, and chip background with its contrast text. */
export function logLevelColours(theme: Theme, level: LogLevel): LevelColours {
  const colours = coloursOfStatus(
    theme,
    STATUS_OF_LOG_LEVEL[level] ?? 'aborted',
  );
  // trace and unknown share debug's grey; a lighter bar keeps them apart in the stack.
  if (level === 'trace' || level === 'unknown')
    return {
      ...colours,
      line: alpha(colours.line, level === 'trace' ? 0.6 : 0.35),
    };
  return colours;
}

export function parseLevels(values: string[]): LogLevel[] {
  return values.filter((v): v is LogLevel =>
    LEVEL_SERIES.some(s => s.level === v),
  );
}
