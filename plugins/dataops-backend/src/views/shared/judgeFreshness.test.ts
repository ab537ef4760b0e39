import type { MetricPanel } from '@dataops-observability/plugin-dataops-common';
import {
  formatAge,
  freshnessProbe,
  judgeFreshness,
  stalestInputAge,
} from './judgeFreshness';
import type { PanelRun } from './runPanel';

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

function run(answer: () => Promise<any>, warnings: string[] = []): PanelRun {
  return {
    client: { queryRange: jest.fn(answer) } as any,
    range: { from: 0, to: 10_000, step: 60 },
    signal: new AbortController().signal,
    addWarning: w => warnings.push(w),
    render: t => t,
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

  it('keeps a fresh panel ok with its age, and makes an old one stale with the age in the reason', async () => {
    const fresh = await judgeFreshness(
      Promise.resolve(okPanel),
      okPanel.query,
      run(async () => ({
        data: [{ labels: {}, points: [[9_960, 9_900]] }],
        warnings: [],
      })),
    );
    expect(fresh).toMatchObject({
      state: 'ok',
      level: 'healthy',
      newestSampleAgeSeconds: 100,
    });
    const stale = await judgeFreshness(
      Promise.resolve(okPanel),
      okPanel.query,
      run(async () => ({
        data: [{ labels: {}, points: [[2_900, 2_800]] }],
        warnings: [],
      })),
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
  });

  it('leaves panels without samples alone, and a panel whose probe fails as it was, with a warning', async () => {
    const notCollected = { ...okPanel, state: 'not-collected' as const };
    expect(
      await judgeFreshness(
        Promise.resolve(notCollected),
        okPanel.query,
        run(async () => ({ data: [], warnings: [] })),
      ),
    ).toBe(notCollected);
    const warnings: string[] = [];
    const failed = await judgeFreshness(
      Promise.resolve(okPanel),
      okPanel.query,
      run(async () => {
        throw new Error('thanos answered 503');
      }, warnings),
    );
    expect(failed).toBe(okPanel);
    expect(warnings).toEqual([
      'could not tell how fresh panel ratio is: thanos answered 503',
    ]);
  });
});
