import { RunEntry } from '@dataops-observability/plugin-dataops-common';
import { writeTimeRange } from '../../hooks';

/** Margin either side of a run in the Logs window: launch and teardown lines fall just outside the run. */
export const RUN_LOG_MARGIN_MS = 60_000;

/**
 * The Logs tab's query for one run: its environment only, and a fixed window from just before it started to
 * just after it ended (or to now, for a run still going). Undefined for a run that never started.
 */
export function logsQueryForRun(options: {
  env: string;
  run: RunEntry;
  nowMs: number;
}): URLSearchParams | undefined {
  const { env, run, nowMs } = options;
  const start = run.startedAt ? Date.parse(run.startedAt) : NaN;
  if (Number.isNaN(start)) return undefined;
  const endParsed = run.endedAt ? Date.parse(run.endedAt) : NaN;
  const end = Number.isNaN(endParsed) ? nowMs : endParsed;
  const params = new URLSearchParams();
  params.append('env', env);
  writeTimeRange(params, {
    kind: 'absolute',
    from: new Date(start - RUN_LOG_MARGIN_MS).toISOString(),
    to: new Date(Math.max(end, start) + RUN_LOG_MARGIN_MS).toISOString(),
  });
  return params;
}
