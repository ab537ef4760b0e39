import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { parseTimeRange, TimeRange, writeTimeRange } from './timeRange';
import { parseAutoRefresh, useAutoRefresh } from './autoRefresh';

export interface DataOpsQueryState {
  /** Selected environments; empty means every environment of the entity. */
  envs: string[];
  range: TimeRange;
  /** Changes on every refresh so data hooks can depend on it. */
  refreshKey: number;
  /** Seconds between automatic refreshes (URL `refresh`); 0 is off. */
  autoRefreshSeconds: number;
  setAutoRefresh(seconds: number): void;
  setEnvs(envs: string[]): void;
  setRange(range: TimeRange): void;
  refresh(): void;
  /** Tab-specific parameters (`q`, `level`, `line`, `layout`...), kept in the same URL. */
  searchParams: URLSearchParams;
  setParams(
    update: Record<string, string | string[] | undefined>,
    options?: { replace?: boolean },
  ): void;
  /** Several changes at once, so a brush sets range and clears a cursor in one history entry. */
  update(change: {
    envs?: string[];
    range?: TimeRange;
    params?: Record<string, string | string[] | undefined>;
  }): void;
}

function applyParams(
  next: URLSearchParams,
  update: Record<string, string | string[] | undefined>,
) {
  for (const [key, value] of Object.entries(update)) {
    next.delete(key);
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (v !== undefined && v !== '') next.append(key, v);
    }
  }
}

/**
 * State of the shared controls, kept in the URL search params (`env` repeated, `range` or `from`/`to`) so that a
 * copied link reproduces the view. Every DataOps tab, and the SLO and Storage tabs added later, use this hook.
 */
export function useDataOpsQueryState(): DataOpsQueryState {
  const [searchParams, setSearchParams] = useSearchParams();
  const [refreshKey, setRefreshKey] = useState(0);

  const envsKey = searchParams.getAll('env').join(',');
  const envs = useMemo(
    () => (envsKey ? Array.from(new Set(envsKey.split(','))) : []),
    [envsKey],
  );
  const rangeKey = ['range', 'from', 'to']
    .map(k => searchParams.get(k) ?? '')
    .join('|');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const range = useMemo(() => parseTimeRange(searchParams), [rangeKey]);

  const update = useCallback<DataOpsQueryState['update']>(
    change => {
      setSearchParams(prev => {
        const next = new URLSearchParams(prev);
        if (change.envs) applyParams(next, { env: change.envs });
        if (change.range) writeTimeRange(next, change.range);
        if (change.params) applyParams(next, change.params);
        return next;
      });
    },
    [setSearchParams],
  );

  const setParams = useCallback<DataOpsQueryState['setParams']>(
    (params, options) => {
      setSearchParams(
        prev => {
          const next = new URLSearchParams(prev);
          applyParams(next, params);
          return next;
        },
        { replace: options?.replace },
      );
    },
    [setSearchParams],
  );

  const setEnvs = useCallback(
    (next: string[]) => update({ envs: next }),
    [update],
  );
  const setRange = useCallback(
    (next: TimeRange) => update({ range: next }),
    [update],
  );
  const refresh = useCallback(() => setRefreshKey(k => k + 1), []);
  const autoRefreshSeconds = parseAutoRefresh(searchParams.get('refresh'));
  useAutoRefresh(autoRefreshSeconds, refresh);
  const setAutoRefresh = useCallback(
    (seconds: number) =>
      setParams(
        { refresh: seconds > 0 ? String(seconds) : undefined },
        { replace: true },
      ),
    [setParams],
  );

  return {
    envs,
    range,
    refreshKey,
    autoRefreshSeconds,
    setAutoRefresh,
    setEnvs,
    setRange,
    refresh,
    searchParams,
    setParams,
    update,
  };
}
