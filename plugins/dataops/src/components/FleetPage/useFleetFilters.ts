import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/** The query parameters of `GET /v1/fleet`, all repeatable; the page keeps them in its own URL. */
export const FLEET_FILTERS = [
  'owner',
  'type',
  'system',
  'lifecycle',
  'env',
] as const;

export type FleetFilterName = (typeof FLEET_FILTERS)[number];

export interface FleetFilters {
  /** The values of each filter, in URL order; an absent filter has none. */
  values: ReadonlyMap<FleetFilterName, string[]>;
  /** The filters as a query string for the backend (only the known parameters, encoded). */
  query: string;
  /** Whether any filter is set. */
  active: boolean;
  /** Replaces the values of one filter; blank values are dropped. */
  set(name: FleetFilterName, values: string[]): void;
  /** Removes the given filters, every filter when none is given. */
  clear(names?: readonly FleetFilterName[]): void;
}

/** The fleet filters of the page URL, so that a link reproduces the view. */
export function useFleetFilters(): FleetFilters {
  const [search, setSearch] = useSearchParams();

  const values = useMemo(
    () =>
      new Map<FleetFilterName, string[]>(
        FLEET_FILTERS.map(name => [name, search.getAll(name)]),
      ),
    [search],
  );

  const query = useMemo(() => {
    const params = new URLSearchParams();
    for (const [name, list] of values) {
      for (const value of list) params.append(name, value);
    }
    return params.toString();
  }, [values]);

  const set = useCallback(
    (name: FleetFilterName, next: string[]) => {
      setSearch(previous => {
        const params = new URLSearchParams(previous);
        params.delete(name);
        for (const value of next) {
          const trimmed = value.trim();
          if (trimmed) params.append(name, trimmed);
        }
        return params;
      });
    },
    [setSearch],
  );

  const clear = useCallback(
    (names: readonly FleetFilterName[] = FLEET_FILTERS) => {
      setSearch(previous => {
        const params = new URLSearchParams(previous);
        for (const name of names) params.delete(name);
        return params;
      });
    },
    [setSearch],
  );

  return { values, query, active: query.length > 0, set, clear };
}
