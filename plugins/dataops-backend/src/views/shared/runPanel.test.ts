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
  /** A client whose calls all wait for `release`, recording what was asked before anything answered. */
  function gatedClient(answers: { withSamples: string[]; missing: string[] }) {
    let release!: () => void;
    const gate = new Promise<void>(resolve => (release = resolve));
    const asked: string[] = [];
    const client = {
      queryRange: async (query: string) => {
        asked.push(query);
        await gate;
        const has = answers.withSamples.some(m => query.includes(m));
        return {
          data: has ? [{ labels: {}, points: [[60, 1]] }] : [],
          warnings: [],
        };
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

  it('asks the query, the fallback, the presence check and the freshness probes at once, then shows the fallback', async () => {
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
      {
        client,
        range: { from: 0, to: 60, step: 15 },
        signal: new AbortController().signal,
        addWarning: () => undefined,
        render: t => t,
      },
    );
    // Everything the panel may need is asked before any answer arrives: one round trip.
    await new Promise(r => setImmediate(r));
    expect(asked).toEqual(
      expect.arrayContaining([
        'sum(primary)',
        'sum(backup)',
        'missing? primary',
        'missing? backup',
      ]),
    );
    expect(asked.filter(q => q.includes('timestamp(backup)'))).toHaveLength(1);
    const before = asked.length;
    release();
    const panel = await result;
    expect(panel).toMatchObject({
      state: 'ok',
      fallback: true,
      query: 'sum(backup)',
    });
    expect(asked).toHaveLength(before);
  });
});
