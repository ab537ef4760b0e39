import { viewPath } from '../backend/entities';

export interface AbsoluteRange {
  from: string;
  to: string;
}

/**
 * A one-hour range ending a whole minute in the past, `offsetMinutes` further back. Absolute, so identical
 * requests share cache entries and distinct offsets never do.
 */
export function absoluteRange(
  offsetMinutes = 0,
  now = Date.now(),
): AbsoluteRange {
  const to = Math.floor(now / 60_000) * 60_000 - (1 + offsetMinutes) * 60_000;
  return {
    from: new Date(to - 3_600_000).toISOString(),
    to: new Date(to).toISOString(),
  };
}

/** Path and query of a view request for a benchmark entity, optionally limited to some environments. */
export function viewRequest(
  entityName: string,
  view: string,
  range: AbsoluteRange,
  envs: string[] = [],
): string {
  const query = new URLSearchParams({ from: range.from, to: range.to });
  envs.forEach(env => query.append('env', env));
  return `${viewPath(entityName, view)}?${query}`;
}
