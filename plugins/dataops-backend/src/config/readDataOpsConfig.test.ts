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
      read({ environments: [], priorities: { page: 'P1' } }).priorities.page,
    ).toBe('P1');
  });
});
