import type { MetricPanel } from '@dataops-observability/plugin-dataops-common';
import {
  formatAge,
  freshnessProbe,
  judgeFreshness,
  splitFreshness,
  stalestInputAge,
  withFreshnessProbe,
} from './judgeFreshness';

const okPanel: MetricPanel = {
  id: 'ratio',
  title: 'Ratio',
  unit: '%',
  query: 'sum(a{x="1"}) / sum(b{x="1"})',
  state: 'ok',
  series: [{ labels: {}, points: [[1000, 5]] }],
  level: 'healthy',
  lastValue: 5,
};

function run(warnings: string[] = []) {
  return {
    range: { from: 0, to: 10_000, step: 60 },
    addWarning: (w: string) => warnings.push(w),
    staleAfterSeconds: 600,
  };
}

describe('judgeFreshness', () => {
  it('asks for the newest sample of every input of the query, told apart by a label', () => {
    expect(
      freshnessProbe('sum(a{x="1"}) / sum(b{x="1"}) + sum(a{x="1"})'),
    ).toBe(
      'label_replace(max(timestamp(a{x="1"})), "dataops_input", "0", "", "") or ' +
        'label_replace(max(timestamp(b{x="1"})), "dataops_input", "1", "", "")',
    );
    expect(freshnessProbe('vector(1)')).toBeUndefined();
  });

  it('folds the probe into the panel query with `or`, and splits the answer by the probe label', () => {
    expect(withFreshnessProbe('sum(a)')).toBe(
      '(sum(a)) or label_replace(max(timestamp(a)), "dataops_input", "0", "", "")',
    );
    expect(withFreshnessProbe('vector(1)')).toBeUndefined();
    const own = {
      labels: { pod: 'p1' },
      points: [[60, 1] as [number, number]],
    };
    const probe = {
      labels: { dataops_input: '0' },
      points: [[60, 50] as [number, number]],
    };
    expect(splitFreshness([own, probe])).toEqual({
      panel: [own],
      probe: [probe],
    });
  });

  it('takes the stalest input, ignoring inputs without samples', () => {
    const probe = [
      {
        labels: { dataops_input: '0' },
        points: [[9_940, 9_930] as [number, number]],
      },
      {
        labels: { dataops_input: '1' },
        points: [
          [8_000, 7_990] as [number, number],
          [8_060, null] as [number, null],
        ],
      },
      { labels: { dataops_input: '2' }, points: [] },
    ];
    expect(stalestInputAge(probe, 10_000)).toBe(2_010);
    expect(stalestInputAge([], 10_000)).toBeUndefined();
  });

  it('words ages as people read them', () => {
    expect(formatAge(45)).toBe('45 s');
    expect(formatAge(1800)).toBe('30 min');
    expect(formatAge(7500)).toBe('2 h 5 min');
  });

  it('keeps a fresh panel ok with its age, and makes an old one stale with the age in the reason', () => {
    const fresh = judgeFreshness(
      okPanel,
      { series: [{ labels: {}, points: [[9_960, 9_900]] }] },
      run(),
    );
    expect(fresh).toMatchObject({
      state: 'ok',
      level: 'healthy',
      newestSampleAgeSeconds: 100,
    });
    const stale = judgeFreshness(
      okPanel,
      { series: [{ labels: {}, points: [[2_900, 2_800]] }] },
      run(),
    );
    expect(stale).toMatchObject({
      state: 'stale',
      level: 'unknown',
      lastValue: 5,
      newestSampleAgeSeconds: 7_200,
    });
    expect(stale.stateReason).toBe(
      'stale: newest sample is 2 h old (bound 10 min); the value shown is from then, not now',
    );
    // Without a configured bound: 10 minutes.
    expect(
      judgeFreshness(
        okPanel,
        { series: [{ labels: {}, points: [[9_960, 9_300]] }] },
        { ...run(), staleAfterSeconds: undefined },
      ),
    ).toMatchObject({ state: 'stale', newestSampleAgeSeconds: 700 });
  });

  it('leaves panels without samples alone, and a panel whose probe fails as it was, with a warning', () => {
    const notCollected = { ...okPanel, state: 'not-collected' as const };
    expect(
      judgeFreshness(
        notCollected,
        { series: [{ labels: {}, points: [[2_900, 2_800]] }] },
        run(),
      ),
    ).toBe(notCollected);
    const warnings: string[] = [];
    const failed = judgeFreshness(
      okPanel,
      { error: new Error('thanos answered 503') },
      run(warnings),
    );
    expect(failed).toBe(okPanel);
    expect(warnings).toEqual([
      'could not tell how fresh panel ratio is: thanos answered 503',
    ]);
  });
});
