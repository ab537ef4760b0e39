import { LogLevel } from '@dataops-observability/plugin-dataops-common';

/** Levels offered by the filter, most severe first. */
export const FILTER_LEVELS: LogLevel[] = ['error', 'warn', 'info', 'debug'];

/** Stack order of the histogram, bottom to top, with colours that keep their meaning from other tabs. */
export const LEVEL_SERIES: Array<{ level: LogLevel; colour: string }> = [
  { level: 'error', colour: '#c62828' },
  { level: 'warn', colour: '#ef8f00' },
  { level: 'info', colour: '#1565c0' },
  { level: 'debug', colour: '#78909c' },
  { level: 'trace', colour: '#b0bec5' },
  { level: 'unknown', colour: '#cfd8dc' },
];

export const LEVEL_CHIP: Record<LogLevel, { bg: string; fg: string }> = {
  error: { bg: '#fde4e4', fg: '#9b1c1c' },
  warn: { bg: '#fff3d6', fg: '#7a4b00' },
  info: { bg: '#e3effd', fg: '#0d3c78' },
  debug: { bg: '#eceff1', fg: '#37474f' },
  trace: { bg: '#eceff1', fg: '#37474f' },
  unknown: { bg: '#eceff1', fg: '#37474f' },
};

export function parseLevels(values: string[]): LogLevel[] {
  return values.filter((v): v is LogLevel =>
    LEVEL_SERIES.some(s => s.level === v),
  );
}
