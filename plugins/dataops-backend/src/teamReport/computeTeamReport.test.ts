import type { EpisodeRow } from '../teams';
import {
  compareMeans,
  detectionFigure,
  firstBadWindowStart,
  incidentsIn,
  meanRecovery,
  noisiestAlerts,
  verdictOf,
} from './computeTeamReport';

const MIN = 60_000;
let nextId = 1;
function episode(
  alertname: string,
  firedAt: number,
  resolvedAt?: number,
  entityRef = 'component:default/a',
): EpisodeRow {
  return {
    id: nextId++,
    env: 'prod',
    fingerprint: `f${nextId}`,
    alertname,
    entityRef,
    owner: 'group:default/team',
    priority: 'P1',
    severity: 'critical',
    firedAt,
    ...(resolvedAt !== undefined ? { resolvedAt } : {}),
  };
}

describe('firstBadWindowStart', () => {
  const points = (values: Array<number | null>, end = 10_000) =>
    values.map((v, i): [number, number | null] => [
      end - (values.length - 1 - i) * 60,
      v,
    ]);

  it('finds the earliest step of the bad run that ends at the firing', () => {
    // good, bad, good, bad, bad, bad up to the firing at 10_000: the run starts 2 minutes before.
    const p = points([0, 0.5, 0, 0.01, 0.2, 0.3]);
    expect(firstBadWindowStart(p, 10_000, 0.001)).toBe(10_000 - 120);
  });

  it('counts only steps at or before the firing and ignores later ones', () => {
    const p = [...points([0, 0.5, 0.5]), [10_060, 0.5] as [number, number]];
    expect(firstBadWindowStart(p, 10_030, 0.001)).toBe(10_000 - 60);
  });

  it('finds nothing when the last step before the firing is not bad or has no value', () => {
    expect(firstBadWindowStart(points([0.5, 0.5, 0]), 10_000, 0.001)).toBe(
      undefined,
    );
    expect(firstBadWindowStart(points([0.5, 0.5, null]), 10_000, 0.001)).toBe(
      undefined,
    );
    expect(firstBadWindowStart([], 10_000, 0.001)).toBe(undefined);
  });

  it('treats a value equal to the budget ratio as good, and a missing step as the end of the run', () => {
    expect(firstBadWindowStart(points([0.5, 0.001, 0.5]), 10_000, 0.001)).toBe(
      10_000,
    );
    const gap: Array<[number, number]> = [
      [9_700, 0.5],
      [9_880, 0.5],
      [9_940, 0.5],
      [10_000, 0.5],
    ];
    expect(firstBadWindowStart(gap, 10_000, 0.001)).toBe(9_880);
  });
});

describe('team report figures', () => {
  const period = { from: 100 * MIN, to: 200 * MIN };

  it('counts incidents that started in the period only', () => {
    const list = [
      episode('A', 90 * MIN, 110 * MIN),
      episode('A', 100 * MIN, 110 * MIN),
      episode('B', 199 * MIN),
      episode('B', 200 * MIN),
    ];
    expect(incidentsIn(list, period).map(e => e.firedAt)).toEqual([
      100 * MIN,
      199 * MIN,
    ]);
  });

  it('averages recovery over recovered incidents and judges it against the target', () => {
    const mttr = meanRecovery([
      episode('A', 0, 10 * MIN),
      episode('A', 0, 50 * MIN),
      episode('A', 0),
    ]);
    expect(mttr).toEqual({ seconds: 30 * 60, count: 2 });
    const figure = compareMeans(mttr, { seconds: 20 * 60 }, 30 * 60);
    expect(figure).toEqual({
      seconds: 1800,
      previousSeconds: 1200,
      deltaSeconds: 600,
      targetSeconds: 1800,
      verdict: 'missed',
      count: 2,
    });
    expect(verdictOf(1799, 1800)).toBe('met');
    expect(verdictOf(null, 1800)).toBe('unknown');
    expect(
      compareMeans({ seconds: null, count: 0 }, { seconds: 5 }, 1).deltaSeconds,
    ).toBeNull();
  });

  it('leaves incidents that could not be measured out of the MTTD mean and counts them by reason', () => {
    const figure = detectionFigure({
      current: [
        { episodeId: 1, seconds: 120 },
        { episodeId: 2, seconds: 480 },
        { episodeId: 3, reason: 'the entity has no SLI' },
        { episodeId: 4, reason: 'the entity has no SLI' },
        { episodeId: 5, reason: 'the SLI query failed' },
      ],
      previous: [{ episodeId: 6, seconds: 600 }],
      notMeasured: 7,
      maxMeasured: 25,
      targetSeconds: 300,
    });
    expect(figure).toEqual({
      seconds: 300,
      previousSeconds: 600,
      deltaSeconds: -300,
      targetSeconds: 300,
      verdict: 'missed',
      count: 2,
      notMeasurable: 3,
      notMeasurableReasons: [
        { reason: 'the entity has no SLI', count: 2 },
        { reason: 'the SLI query failed', count: 1 },
      ],
      notMeasured: 7,
      maxMeasured: 25,
    });
  });

  it('ranks the noisiest alerts by episodes, then firing time inside the period', () => {
    const list = [
      episode('Quiet', 150 * MIN, 151 * MIN),
      episode('Loud', 110 * MIN, 120 * MIN, 'component:default/a'),
      episode('Loud', 130 * MIN, 140 * MIN, 'component:default/b'),
      // Still firing at the end: counts until the period's end.
      episode('Long', 170 * MIN),
      // Started before the period: not an incident of it.
      episode('Long', 50 * MIN, 150 * MIN),
      ...['F', 'G', 'H', 'I'].map(n => episode(n, 120 * MIN, 121 * MIN)),
    ];
    const noisy = noisiestAlerts(list, period);
    expect(noisy).toHaveLength(5);
    expect(noisy[0]).toEqual({
      alertname: 'Loud',
      episodes: 2,
      firingSeconds: 20 * 60,
      entities: 2,
    });
    expect(noisy[1]).toEqual({
      alertname: 'Long',
      episodes: 1,
      firingSeconds: 30 * 60,
      entities: 1,
    });
    expect(noisy.map(n => n.alertname)).not.toContain('Quiet');
  });
});
