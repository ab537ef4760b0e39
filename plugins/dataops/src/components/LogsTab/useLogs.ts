import { useCallback, useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  EntityViewResponse,
  LogLevel,
  LogsData,
} from '@dataops-observability/plugin-dataops-common';
import { dataOpsApiRef } from '../../api';
import { DataOpsQueryState, toApiRange, useEntityName } from '../../hooks';
import { EnvLogHit } from './LogTable';

export const PAGE_SIZE = 200;

export interface LogsResult {
  loading: boolean;
  error?: Error;
  value?: EntityViewResponse<LogsData>;
  /** Every line loaded so far, newest first, across environments. */
  hits: EnvLogHit[];
  /** Environments with another page, and whether one is loading. */
  more: Array<{ env: string; loading: boolean }>;
  loadMore(env: string): Promise<void>;
  loadMoreError?: Error;
}

/**
 * First page for all selected environments, then further pages per environment, since each environment's
 * OpenSearch gives its own cursor.
 */
export function useLogs(
  state: Pick<DataOpsQueryState, 'envs' | 'range' | 'refreshKey'>,
  q: string,
  levels: LogLevel[],
): LogsResult {
  const api = useApi(dataOpsApiRef);
  const name = useEntityName();
  const [extra, setExtra] = useState<Record<string, EnvLogHit[]>>({});
  const [cursors, setCursors] = useState<Record<string, string | undefined>>(
    {},
  );
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const [loadMoreError, setLoadMoreError] = useState<Error>();
  const [apiRange, setApiRange] = useState(() => toApiRange(state.range));

  const first = useAsyncRetry(async () => {
    const range = toApiRange(state.range);
    setApiRange(range);
    return api.getLogs(name, {
      envs: state.envs,
      ...range,
      q: q || undefined,
      level: levels,
      size: PAGE_SIZE,
    });
  }, [
    api,
    name.namespace,
    name.kind,
    name.name,
    state.envs.join(','),
    JSON.stringify(state.range),
    state.refreshKey,
    q,
    levels.join(','),
  ]);

  useEffect(() => {
    setExtra({});
    setLoadMoreError(undefined);
    const next: Record<string, string | undefined> = {};
    for (const e of first.value?.environments ?? []) {
      if (e.status === 'ok') next[e.env] = e.data.nextCursor;
    }
    setCursors(next);
  }, [first.value]);

  const loadMore = useCallback(
    async (env: string) => {
      const cursor = cursors[env];
      if (!cursor) return;
      setPending(p => ({ ...p, [env]: true }));
      try {
        const res = await api.getLogs(name, {
          envs: [env],
          ...apiRange,
          q: q || undefined,
          level: levels,
          cursor,
          size: PAGE_SIZE,
        });
        const page = res.environments.find(e => e.env === env);
        if (!page || page.status !== 'ok') {
          throw new Error(
            page && page.status === 'error'
              ? page.error.message
              : `No further logs from ${env}`,
          );
        }
        setExtra(prev => ({
          ...prev,
          [env]: [
            ...(prev[env] ?? []),
            ...page.data.hits.map(h => ({ ...h, env })),
          ],
        }));
        setCursors(prev => ({ ...prev, [env]: page.data.nextCursor }));
      } catch (e) {
        setLoadMoreError(e as Error);
      } finally {
        setPending(p => ({ ...p, [env]: false }));
      }
    },
    [api, cursors, apiRange, q, levels, name],
  );

  const hits: EnvLogHit[] = [];
  for (const e of first.value?.environments ?? []) {
    if (e.status !== 'ok') continue;
    hits.push(
      ...e.data.hits.map(h => ({ ...h, env: e.env })),
      ...(extra[e.env] ?? []),
    );
  }
  hits.sort((a, b) => b.timestamp.localeCompare(a.timestamp));

  return {
    loading: first.loading,
    error: first.error,
    value: first.value,
    hits,
    more: Object.entries(cursors)
      .filter(([, c]) => Boolean(c))
      .map(([env]) => ({ env, loading: Boolean(pending[env]) })),
    loadMore,
    loadMoreError,
  };
}
