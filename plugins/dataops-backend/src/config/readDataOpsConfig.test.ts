import { ConfigReader } from '@backstage/config';
import { readDataOpsConfig } from './readDataOpsConfig';

const read = (dataops: unknown) =>
  readDataOpsConfig(new ConfigReader({ dataops } as any));

describe('readDataOpsConfig', () => {
  it('is empty without configuration', () => {
    expect(readDataOpsConfig(new ConfigReader({})).environments).toEqual([]);
  });

  it.each([
    [[{ name: 'bad name' }], /Invalid dataops environment #0 'bad name'/],
    [[{ name: 'a' }, { name: 'a' }], /'a': duplicate name/],
    [[{ name: 'p', timeoutMs: 0 }], /timeoutMs/],
    [[{ name: 'p', maxResponseBytes: 100 }], /maxResponseBytes/],
  ])('rejects %j', (environments, message) => {
    expect(() => read({ environments })).toThrow(message);
  });

  it('validates priorities and panel templates', () => {
    expect(() =>
      read({ environments: [], priorities: { critical: 'P9' } }),
    ).toThrow(/priorities.critical/);
    expect(() =>
      read({
        environments: [],
        panels: { 'spark-job': [{ id: 'x', query: 'sum(' }] },
      }),
    ).toThrow(/panel spark-job\[0\] 'x': query template does not parse/);
    expect(
      read({
        environments: [],
        priorities: { Page: 'P1' },
      }).priorities.severities.get('page'),
    ).toBe('P1');
  });

  it('reads the priority of unknown severities, default P3', () => {
    expect(read({}).priorities.unknownSeverity).toBe('P3');
    expect(read({ defaultPriority: 'P4' }).priorities.unknownSeverity).toBe(
      'P4',
    );
    expect(() => read({ defaultPriority: 'P0' })).toThrow(
      /Invalid dataops.defaultPriority: 'P0'/,
    );
  });

  it('keeps severity names as data: an Object.prototype name is an ordinary severity', () => {
    const { priorities } = read({ priorities: { constructor: 'P2' } });
    expect(priorities.severities.get('constructor')).toBe('P2');
    expect(priorities.severities.get('__proto__')).toBeUndefined();
  });
});
