import { computeFleet, FleetCell, FleetEntity } from './computeFleet';

const entity = (name: string): FleetEntity => ({
  ref: `component:default/${name}`,
  title: name,
});
const cell = (level: FleetCell['level']): FleetCell => ({
  level,
  word: level,
  reason: `${level} reason`,
});
const base = {
  environments: ['dev', 'prod'],
  maxConcurrentEntities: 8,
  maxEntities: 1000,
  deadlineMs: 1000,
};

describe('computeFleet', () => {
  it('sorts rows worst first and counts cells per level', async () => {
    const levels = new Map<string, FleetCell['level']>([
      ['a', 'healthy'],
      ['b', 'critical'],
      ['c', 'warning'],
    ]);
    const result = await computeFleet({
      ...base,
      entities: ['a', 'b', 'c'].map(entity),
      cell: async e => cell(levels.get(e.title)!),
    });
    expect(result.rows.map(r => r.title)).toEqual(['b', 'c', 'a']);
    expect(result.counts.get('critical')).toBe(2);
    expect(result.counts.get('healthy')).toBe(2);
    expect(result.truncated).toBe(false);
  });

  it('never has more entities in flight than the concurrency bound', async () => {
    let inFlight = 0;
    let peak = 0;
    await computeFleet({
      ...base,
      maxConcurrentEntities: 3,
      environments: ['prod'],
      entities: Array.from({ length: 20 }, (_, i) => entity(`e${i}`)),
      cell: async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise(r => setTimeout(r, 2));
        inFlight--;
        return cell('healthy');
      },
    });
    expect(peak).toBe(3);
  });

  it('caps the entities it computes and says so', async () => {
    const cellFn = jest.fn(async () => cell('healthy'));
    const result = await computeFleet({
      ...base,
      maxEntities: 5,
      entities: Array.from({ length: 9 }, (_, i) => entity(`e${i}`)),
      cell: cellFn,
    });
    expect(result.rows).toHaveLength(5);
    expect(cellFn).toHaveBeenCalledTimes(10);
    expect(result.truncated).toBe(true);
  });

  it('answers at the deadline and lists the cells still pending', async () => {
    const result = await computeFleet({
      ...base,
      deadlineMs: 30,
      entities: [entity('a')],
      cell: async (_e, env) =>
        env === 'prod'
          ? new Promise<FleetCell>(r =>
              setTimeout(() => r(cell('healthy')), 300),
            )
          : cell('warning'),
    });
    expect(result.rows[0].cells.get('dev')?.level).toBe('warning');
    expect(result.rows[0].cells.has('prod')).toBe(false);
    expect(result.rows[0].pending).toEqual(['prod']);
  });

  it('turns a failed cell into unknown with the reason', async () => {
    const result = await computeFleet({
      ...base,
      environments: ['prod'],
      entities: [entity('a')],
      cell: async () => {
        throw new Error('upstream down');
      },
    });
    expect(result.rows[0].cells.get('prod')).toMatchObject({
      level: 'unknown',
      reason: 'Could not compute: upstream down',
    });
  });
});
