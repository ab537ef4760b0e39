import {
  IncidentEpisode,
  IncidentStats,
  IncidentWeek,
  IncidentsResponse,
  PRIORITIES,
  Priority,
} from '@dataops-observability/plugin-dataops-common';
import type { EpisodeRow } from './EpisodeStore';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const RECENT = 50;

const overlap = (a0: number, a1: number, b0: number, b1: number) =>
  Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/** Figures of the episodes over [from, to); open episodes count as firing until `to`. */
function stats(
  episodes: EpisodeRow[],
  from: number,
  to: number,
): IncidentStats {
  const firing: Record<Priority, number> = { P1: 0, P2: 0, P3: 0, P4: 0 };
  let incidents = 0;
  let open = 0;
  let recovered = 0;
  let recoveryMs = 0;
  for (const e of episodes) {
    const end = e.resolvedAt ?? to;
    firing[e.priority] += overlap(e.firedAt, end, from, to) / 1000;
    if (e.firedAt < from || e.firedAt >= to) {
      continue;
    }
    incidents += 1;
    if (e.resolvedAt === undefined) {
      open += 1;
    } else {
      recovered += 1;
      recoveryMs += e.resolvedAt - e.firedAt;
    }
  }
  for (const p of PRIORITIES) {
    firing[p] = Math.round(firing[p]);
  }
  return {
    incidents,
    open,
    mttrSeconds: recovered ? Math.round(recoveryMs / recovered / 1000) : null,
    firingSecondsByPriority: firing,
  };
}

/** Monday 00:00 UTC of the week holding `t`. */
function weekStart(t: number): number {
  const day = Math.floor(t / DAY);
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counted from Monday.
  return (day - ((day + 3) % 7)) * DAY;
}

function toEpisode(e: EpisodeRow, now: number): IncidentEpisode {
  return {
    id: e.id,
    fingerprint: e.fingerprint,
    alertname: e.alertname,
    entityRef: e.entityRef,
    owner: e.owner,
    env: e.env,
    priority: e.priority,
    severity: e.severity,
    firedAt: new Date(e.firedAt).toISOString(),
    ...(e.resolvedAt !== undefined
      ? { resolvedAt: new Date(e.resolvedAt).toISOString() }
      : {}),
    durationSeconds: Math.round(((e.resolvedAt ?? now) - e.firedAt) / 1000),
  };
}

/**
 * Incident history of a team: totals, per entity, per ISO week, and the latest episodes. An incident is
 * an episode that started inside the window; firing time also counts episodes that started earlier.
 */
export function computeIncidents(options: {
  owner: string;
  groups: string[];
  entityRef?: string;
  episodes: EpisodeRow[];
  now: number;
  days: number;
}): IncidentsResponse {
  const { episodes, now, days } = options;
  const from = now - days * DAY;
  const byEntity = new Map<string, EpisodeRow[]>();
  for (const e of episodes) {
    byEntity.set(e.entityRef, [...(byEntity.get(e.entityRef) ?? []), e]);
  }
  const weekly: IncidentWeek[] = [];
  for (let w = weekStart(from); w < now; w += WEEK) {
    weekly.push({
      weekStart: new Date(w).toISOString(),
      ...stats(episodes, Math.max(w, from), Math.min(w + WEEK, now)),
    });
  }
  return {
    owner: options.owner,
    ...(options.entityRef ? { entityRef: options.entityRef } : {}),
    groups: options.groups,
    window: {
      from: new Date(from).toISOString(),
      to: new Date(now).toISOString(),
      days,
    },
    total: stats(episodes, from, now),
    byEntity: [...byEntity.entries()]
      .map(([entityRef, list]) => ({
        entityRef,
        owner: list[0].owner,
        ...stats(list, from, now),
      }))
      .sort(
        (a, b) =>
          b.incidents - a.incidents || a.entityRef.localeCompare(b.entityRef),
      ),
    weekly,
    recent: [...episodes]
      .sort((a, b) => b.firedAt - a.firedAt)
      .slice(0, RECENT)
      .map(e => toEpisode(e, now)),
  };
}
