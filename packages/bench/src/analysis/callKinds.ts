import type { ProxyCall } from '../upstreams/DelayedCountingProxy';

/**
 * What kind of upstream call a stand-in path is: the service, and for Prometheus the API endpoint
 * (`prometheus series`), since `series` and fallback queries are what a page view costs beyond one query
 * per panel.
 */
export function callKind(path: string, query?: string): string {
  const [, , service = '?', ...rest] = path.split('/');
  if (service === 'prometheus') {
    // A freshness probe sent on its own asks for the timestamps of a panel's inputs' newest samples; one
    // folded into its panel's query (`(query) or label_replace(...)`) is that panel's range query.
    if (query?.startsWith('label_replace(max(timestamp(')) {
      return 'prometheus freshness probe';
    }
    return `prometheus ${rest[rest.length - 1]}`;
  }
  return service;
}

/** `prometheus query_range 24, prometheus series 2, opensearch 3`, most frequent first. */
export function describeCalls(calls: readonly ProxyCall[]): string {
  const counts = new Map<string, number>();
  for (const call of calls) {
    const kind = callKind(call.path, call.query);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return (
    [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ') || 'none'
  );
}
