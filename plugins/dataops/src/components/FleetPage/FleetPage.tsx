import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
  useRouteRef,
} from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import Tooltip from '@material-ui/core/Tooltip';
import type { HealthLevel } from '@dataops-observability/plugin-dataops-common';
import { StatusChip } from '../shared';
import { TeamReport } from '../TeamReport';

/** The answer of `GET /v1/fleet` (docs/fleet.md). */
export interface FleetAnswer {
  environments: string[];
  /** The owner groups the rows are for (the caller's own groups when no owner filter was given). */
  owners?: string[];
  counts: Partial<Record<HealthLevel, number>>;
  truncated: boolean;
  rows: Array<{
    entityRef: string;
    title: string;
    type?: string;
    owner?: string;
    system?: string;
    cells: Array<{
      env: string;
      level: HealthLevel;
      word: string;
      reason: string;
    }>;
    pending: string[];
  }>;
}

const FILTERS = ['owner', 'type', 'system', 'lifecycle', 'env'] as const;
const LEVELS: HealthLevel[] = ['critical', 'warning', 'unknown', 'healthy'];
/** How soon pending cells are asked for again; the backend keeps computing them meanwhile. */
export const PENDING_POLL_MS = 3000;

/** Path of an entity's page; the app's own entity route when mounted, the catalog's default otherwise. */
function useEntityPath() {
  let route:
    | ((p: { kind: string; namespace: string; name: string }) => string)
    | undefined;
  try {
    // Called on every render in the same place; the try only catches an app that mounts no entity page
    // (`useRouteRef` throws then), which is fixed for the app's lifetime.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    route = useRouteRef(entityRouteRef);
  } catch {
    route = undefined;
  }
  return (ref: string) => {
    const { kind, namespace, name } = parseEntityRef(ref);
    const params = { kind: kind.toLocaleLowerCase('en-US'), namespace, name };
    const base = route
      ? route(params)
      : `/catalog/${params.namespace}/${params.kind}/${params.name}`;
    return `${base}/observability`;
  };
}

/** Every annotated entity the user may see, one row each, one column per environment; filters in the URL. */
export function FleetPage() {
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const [search, setSearch] = useSearchParams();
  const [answer, setAnswer] = useState<FleetAnswer>();
  const [error, setError] = useState<string>();
  const entityPath = useEntityPath();
  const query = search.toString();

  const load = useCallback(async () => {
    const params = new URLSearchParams();
    for (const f of FILTERS) search.getAll(f).forEach(v => params.append(f, v));
    const base = await discoveryApi.getBaseUrl('dataops');
    const res = await fetchApi.fetch(`${base}/v1/fleet?${params}`);
    const body = await res.json();
    if (!res.ok) {
      setError(body?.error?.message ?? `HTTP ${res.status}`);
      return undefined;
    }
    setError(undefined);
    setAnswer(body);
    return body as FleetAnswer;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [discoveryApi, fetchApi, query]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const run = async () => {
      const body = await load().catch(e => {
        setError(String(e?.message ?? e));
        return undefined;
      });
      if (!stopped && body?.rows.some(r => r.pending.length > 0)) {
        timer = setTimeout(run, PENDING_POLL_MS);
      }
    };
    run();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [load]);

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(search);
    next.delete(name);
    if (value.trim()) next.set(name, value.trim());
    setSearch(next);
  };

  // The team report of the selected owner: the owner filter, or the caller's group when there is one only.
  const ownerFilter = search.getAll('owner');
  const reportOwner =
    ownerFilter.length === 1
      ? ownerFilter[0]
      : (!ownerFilter.length &&
          answer?.owners?.length === 1 &&
          answer.owners[0]) ||
        undefined;

  return (
    <div>
      <h1>DataOps fleet</h1>
      <form aria-label="filters" onSubmit={e => e.preventDefault()}>
        {FILTERS.map(f => (
          <label key={f}>
            {f}
            <input
              aria-label={f}
              defaultValue={search.get(f) ?? ''}
              onBlur={e => setFilter(f, e.target.value)}
            />
          </label>
        ))}
      </form>
      {error && <div role="alert">{error}</div>}
      {reportOwner && (
        <section aria-label={`Team report of ${reportOwner}`}>
          <h2>Team report: {reportOwner}</h2>
          <TeamReport ownerRef={reportOwner} />
        </section>
      )}
      {answer && (
        <>
          <div aria-label="counts">
            {LEVELS.map(level => (
              <span key={level}>
                <StatusChip
                  level={level}
                  label={`${answer.counts[level] ?? 0} ${level}`}
                />
              </span>
            ))}
          </div>
          {answer.truncated && (
            <p>Only the first entities are shown: narrow the filters.</p>
          )}
          <table aria-label="Workloads by environment">
            <thead>
              <tr>
                <th>Entity</th>
                {answer.environments.map(env => (
                  <th key={env}>{env}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {answer.rows.map(row => (
                <tr key={row.entityRef}>
                  <td>
                    <a href={entityPath(row.entityRef)}>{row.title}</a>
                  </td>
                  {answer.environments.map(env => {
                    const cell = row.cells.find(c => c.env === env);
                    if (!cell) {
                      return (
                        <td key={env}>
                          {row.pending.includes(env) ? 'loading' : '—'}
                        </td>
                      );
                    }
                    return (
                      <td key={env}>
                        <Tooltip title={cell.reason}>
                          <a
                            href={entityPath(row.entityRef)}
                            aria-label={`${row.title} ${env}: ${cell.word}, ${cell.reason}`}
                          >
                            <StatusChip level={cell.level} label={cell.word} />
                          </a>
                        </Tooltip>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
