import { DateTime } from 'luxon';
import {
  IncidentsResponse,
  PRIORITIES,
  Priority,
} from '@dataops-observability/plugin-dataops-common';
import { formatDuration } from '../../format';

export interface WeekPoint {
  week: string;
  incidents: number;
  /** Null when nothing resolved that week, so the line gaps instead of dropping to zero. */
  mttrMinutes: number | null;
}

export interface PriorityPoint {
  priority: Priority;
  hours: number;
}

export function weeklyPoints(response: IncidentsResponse): WeekPoint[] {
  return response.weekly.map(w => ({
    week: DateTime.fromISO(w.weekStart, { zone: 'utc' }).toFormat('LLL d'),
    incidents: w.incidents,
    mttrMinutes: w.mttrSeconds === null ? null : w.mttrSeconds / 60,
  }));
}

export function firingPoints(response: IncidentsResponse): PriorityPoint[] {
  return PRIORITIES.map(priority => ({
    priority,
    hours: (response.total.firingSecondsByPriority[priority] ?? 0) / 3600,
  }));
}

export function formatMinutes(minutes: number): string {
  return formatDuration(minutes * 60_000);
}

export function formatHours(hours: number): string {
  return formatDuration(hours * 3_600_000);
}

/** Text equivalent of the trend chart, for screen readers and tests. */
export function describeWeeks(points: WeekPoint[]): string {
  return points
    .map(
      p =>
        `week of ${p.week}: ${p.incidents} incident${
          p.incidents === 1 ? '' : 's'
        }, MTTR ${
          p.mttrMinutes === null ? 'n/a' : formatMinutes(p.mttrMinutes)
        }`,
    )
    .join('; ');
}

export function describeFiring(points: PriorityPoint[]): string {
  return points.map(p => `${p.priority} ${formatHours(p.hours)}`).join('; ');
}
