import { DataOpsSourceError } from '@dataops-observability/plugin-dataops-node';
import type { PrometheusClient } from '../../sources';
import { rememberPure, runPanel } from './runPanel';

describe('rememberPure', () => {
  it('runs pure work once per key, remembering thrown errors too', () => {
    const memo = new Map();
    const make = jest.fn(() => 'rendered');
    expect(rememberPure(memo, 'a', make)).toBe('rendered');
    expect(rememberPure(memo, 'a', make)).toBe('rendered');
    expect(make).toHaveBeenCalledTimes(1);
    const failure = new Error('does not parse');
    const failing = jest.fn(() => {
      throw failure;
    });
    expect(() => rememberPure(memo, 'b', failing)).toThrow(failure);
    expect(() => rememberPure(memo, 'b', failing)).toThrow(failure);
    expect(failing).toHaveBeenCalledTimes(1);
  });

  it('forgets the oldest entries beyond its bound', () => {
    const memo = new Map();
    for (let i = 0; i < 2_500; i++) {
      rememberPure(memo, `k${i}`, () => i);
    }
    expect(memo.size).toBe(2_000);
    expect(memo.has('k0')).toBe(false);
    expect(memo.has('k2499')).toBe(true);
  });
});

describe('runPanel', () => {
  /**
   * A client whose calls all wait for `release`, recording what was asked before anything answered. A
   * query with samples answers one point at 3600; its folded freshness probe says the newest sample of
   * each input was taken at `newestAt`.
   */
  function gatedClient(answers: {
    withSamples: string[];
    missing: string[];
    newestAt?: number;
    rejectOr?: boolean;
  }) {
    let release!: () => void;
    const gate = new Promise<void>(resolve => (release = resolve));
    const asked: string[] = [];
    const client = {
      queryRange: async (query: string) => {
        asked.push(query);
        await gate;
        if (answers.rejectOr && query.includes(' or ')) {
          throw new DataOpsSourceError({
            type: 'UPSTREAM_ERROR',
            source: 'thanos',
            message:
              'set operator "or" not allowed in binary scalar expression',
            statusCode: 400,
          });
        }
        const has = answers.withSamples.some(m => query.includes(m));
        const probe = query.includes('timestamp(')
          ? [
              {
                labels: { dataops_input: '0' },
                points: [[3600, answers.newestAt ?? 3600]],
              },
            ]
          : [];
        const own =
          has && !query.startsWith('label_replace(')
            ? [{ labels: {}, points: [[3600, 1]] }]
            : [];
        return { data: has ? [...own, ...probe] : [], warnings: [] };
      },
      missingMetrics: async (selectors: string[]) => {
        asked.push(`missing? ${selectors.join(',')}`);
        await gate;
        return {
          data: selectors.filter(s => answers.missing.includes(s)),
          warnings: [],
        };
      },
    } as unknown as PrometheusClient;
    return { client, asked, release };
  }

  const runOf = (client: PrometheusClient) => ({
    client,
    range: { from: 0, to: 3600, step: 60 },
    signal: new AbortController().signal,
    addWarning: () => undefined,
    render: (t: string) => t,
  });

  const probeOf = (metric: string) =>
    `label_replace(max(timestamp(${metric})), "dataops_input", "0", "", "")`;

  it('asks the query and the fallback, each with its freshness probe folded in, and the presence checks at once, then shows the fallback', async () => {
    const { client, asked, release } = gatedClient({
      withSamples: ['backup'],
      missing: ['primary'],
    });
    const result = runPanel(
      {
        id: 'p',
        title: 'P',
        unit: '',
        query: 'sum(primary)',
        fallbackQuery: 'sum(backup)',
      },
      runOf(client),
    );
    // Everything the panel may need is asked before any answer arrives: one round trip, one call per query.
    await new Promise(r => setImmediate(r));
    expect([...asked].sort()).toEqual(
      [
        `(sum(primary)) or ${probeOf('primary')}`,
        `(sum(backup)) or ${probeOf('backup')}`,
        'missing? primary',
        'missing? backup',
      ].sort(),
    );
    release();
    const panel = await result;
    expect(panel).toMatchObject({
      state: 'ok',
      fallback: true,
      query: 'sum(backup)',
      newestSampleAgeSeconds: 0,
      // The probe's series are not the panel's.
      series: [{ labels: {}, points: [[3600, 1]] }],
    });
    expect(asked).toHaveLength(4);
  });

  it("judges a fallback's freshness by the fallback's own probe: stopped 30 minutes ago is stale", async () => {
    const { client, release } = gatedClient({
      withSamples: ['backup'],
      missing: ['primary'],
      newestAt: 1800,
    });
    const result = runPanel(
      {
        id: 'p',
        title: 'P',
        unit: '',
        query: 'sum(primary)',
        fallbackQuery: 'sum(backup)',
      },
      runOf(client),
    );
    release();
    expect(await result).toMatchObject({
      state: 'stale',
      fallback: true,
      level: 'unknown',
      newestSampleAgeSeconds: 1800,
    });
  });

  it('asks query and probe on their own when the upstream refuses to combine them, and still judges freshness', async () => {
    const { client, asked, release } = gatedClient({
      withSamples: ['scalar(x)', 'timestamp(x)'],
      missing: [],
      newestAt: 1800,
      rejectOr: true,
    });
    release();
    const panel = await runPanel(
      { id: 's', title: 'S', unit: '', query: 'scalar(x)' },
      runOf(client),
    );
    expect(asked).toEqual(expect.arrayContaining(['scalar(x)', probeOf('x')]));
    expect(panel).toMatchObject({
      state: 'stale',
      newestSampleAgeSeconds: 1800,
      series: [{ labels: {}, points: [[3600, 1]] }],
    });
  });
});
