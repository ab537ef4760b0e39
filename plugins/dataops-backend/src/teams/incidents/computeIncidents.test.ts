import { computeIncidents } from './computeIncidents';
import type { EpisodeRow } from './EpisodeStore';

const at = (iso: string) => Date.parse(iso);
const row = (
  id: number,
  fired: string,
  resolved: string | undefined,
  priority: EpisodeRow['priority'] = 'P2',
): EpisodeRow => ({
  id,
  env: 'prod',
  fingerprint: `f${id}`,
  alertname: `A${id}`,
  entityRef: id % 2 ? 'component:default/a' : 'component:default/b',
  owner: 'group:default/t',
  priority,
  severity: 'high',
  firedAt: at(fired),
  ...(resolved ? { resolvedAt: at(resolved) } : {}),
});

describe('computeIncidents', () => {
  const now = at('2026-03-18T12:00:00Z'); // a Wednesday
  const result = computeIncidents({
    owner: 'group:default/t',
    groups: ['group:default/t'],
    now,
    days: 14,
    episodes: [
      // Started 12 h before the window: those 12 h inside it count as firing, the incident does not.
      row(1, '2026-03-04T00:00:00Z', '2026-03-05T00:00:00Z', 'P1'),
      row(2, '2026-03-10T00:00:00Z', '2026-03-10T01:00:00Z'),
      row(3, '2026-03-16T00:00:00Z', '2026-03-16T00:20:00Z'),
      row(4, '2026-03-18T11:00:00Z', undefined, 'P4'),
    ],
  });

  it('counts incidents started in the window and averages recovery of the resolved ones', () => {
    expect(result.total).toEqual({
      incidents: 3,
      open: 1,
      mttrSeconds: (3600 + 1200) / 2,
      firingSecondsByPriority: { P1: 43_200, P2: 4800, P3: 0, P4: 3600 },
    });
  });

  it('splits the window into Monday-aligned weeks', () => {
    expect(result.weekly.map(w => [w.weekStart, w.incidents])).toEqual([
      ['2026-03-02T00:00:00.000Z', 0],
      ['2026-03-09T00:00:00.000Z', 1],
      ['2026-03-16T00:00:00.000Z', 2],
    ]);
    expect(result.weekly[0].firingSecondsByPriority.P1).toBe(43_200);
  });

  it('groups by entity and lists the latest episodes first', () => {
    expect(result.byEntity.map(e => [e.entityRef, e.incidents])).toEqual([
      ['component:default/b', 2],
      ['component:default/a', 1],
    ]);
    expect(result.recent[0]).toMatchObject({
      id: 4,
      durationSeconds: 3600,
      firedAt: '2026-03-18T11:00:00.000Z',
    });
    expect(result.recent[0].resolvedAt).toBeUndefined();
  });
});
