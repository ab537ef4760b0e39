import { windowAround, writeTimeRange } from '../../hooks';

/** Half width of the logs window opened from a chart point. */
export const POINT_WINDOW_MS = 5 * 60_000;

/**
 * The Logs tab's query for the moment of a chart point: a fixed window of five minutes either side, the
 * environments of the clicked chart, and the other filters of the current view.
 */
export function logsQueryForPoint(options: {
  searchParams: URLSearchParams;
  envs: string[];
  momentMs: number;
}): URLSearchParams {
  const params = new URLSearchParams(options.searchParams);
  params.delete('layout');
  params.delete('env');
  for (const env of options.envs) params.append('env', env);
  writeTimeRange(params, windowAround(options.momentMs, POINT_WINDOW_MS));
  return params;
}
