import { MetricPresence, planSeriesCalls } from './MetricPresence';

describe('planSeriesCalls', () => {
  it('puts the lookups of a page into one call when their metrics do not clash', () => {
    expect(
      planSeriesCalls([
        ['jobs_total{status="failed",ns="a"}', 'jobs_total{ns="a"}'],
        ['up{ns="a"}'],
        ['jobs_total{ns="a"}', 'jobs_total{status="failed",ns="a"}'],
      ]),
    ).toEqual({
      calls: [
        [
          'jobs_total{ns="a"}',
          'jobs_total{status="failed",ns="a"}',
          'up{ns="a"}',
        ],
      ],
      callOf: [0, 0, 0],
    });
  });

  it('gives one metric selected with different matchers by two lookups a call each', () => {
    expect(
      planSeriesCalls([
        ['up{job="a"}', 'x{}'],
        ['up{job="b"}'],
        ['{__name__="y"}'],
      ]),
    ).toEqual({
      calls: [['up{job="a"}', 'x{}'], ['up{job="b"}']],
      callOf: [0, 1, -1],
    });
  });
});

describe('MetricPresence', () => {
  it('answers the lookups of one turn with one series call and tells each lookup its own missing metrics', async () => {
    const lookup = jest.fn(async (selectors: string[]) => ({
      data: selectors
        .filter(s => !s.startsWith('gone'))
        .map(s => ({ __name__: s.replace(/\{.*$/, '') })),
      warnings: ['partial'],
    }));
    const presence = new MetricPresence(lookup);
    const range = { from: 0, to: 60 };
    const signal = new AbortController().signal;
    const [a, b] = await Promise.all([
      presence.missing(['gone_metric{ns="a"}', 'up{ns="a"}'], range, signal),
      presence.missing(['up{ns="a"}'], range, signal),
    ]);
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(a).toEqual({ data: ['gone_metric'], warnings: ['partial'] });
    expect(b).toEqual({ data: [], warnings: ['partial'] });
    // Another window or another page's signal is another call.
    await presence.missing(['up{ns="a"}'], { from: 0, to: 120 }, signal);
    await presence.missing(['up{ns="a"}'], range, new AbortController().signal);
    expect(lookup).toHaveBeenCalledTimes(3);
  });

  it('fails every lookup of a batch when its call fails', async () => {
    const presence = new MetricPresence(async () => {
      throw new Error('thanos down');
    });
    await expect(
      presence.missing(['up{}'], { from: 0, to: 60 }),
    ).rejects.toThrow('thanos down');
  });
});
