import { useEffect, useState } from 'react';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { FleetAnswer } from './fleetAnswer';

/** How soon pending cells are asked for again; the backend keeps computing them meanwhile. */
export const PENDING_POLL_MS = 3000;

export interface FleetState {
  /** The latest answer for the current filters. */
  answer?: FleetAnswer;
  /** Why the latest request failed; an answer from an earlier poll stays shown beside it. */
  error?: Error;
  /** True until the first answer (or error) for the current filters. */
  loading: boolean;
}

/**
 * `GET /v1/fleet` with the given query, asked again every {@link PENDING_POLL_MS} while any cell is pending.
 * A change of query drops the previous answer, so the page never shows one filter's rows under another.
 */
export function useFleet(query: string): FleetState {
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const [state, setState] = useState<FleetState>({ loading: true });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    setState({ loading: true });

    const load = async (): Promise<FleetAnswer> => {
      const base = await discoveryApi.getBaseUrl('dataops');
      const url = query ? `${base}/v1/fleet?${query}` : `${base}/v1/fleet`;
      const response = await fetchApi.fetch(url);
      if (!response.ok) throw await ResponseError.fromResponse(response);
      return (await response.json()) as FleetAnswer;
    };

    const run = async () => {
      try {
        const answer = await load();
        if (stopped) return;
        setState({ answer, loading: false });
        if (answer.rows.some(row => row.pending.length > 0)) {
          timer = setTimeout(run, PENDING_POLL_MS);
        }
      } catch (e) {
        if (stopped) return;
        const error = e instanceof Error ? e : new Error(String(e));
        setState(previous => ({ ...previous, error, loading: false }));
      }
    };
    run();

    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [discoveryApi, fetchApi, query]);

  return state;
}
