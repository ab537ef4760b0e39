import { callsPerEnvironment, repeatedQueries } from './queryRepeats';

describe('query repeats', () => {
  const at = 0;
  const range = (env: string, query: string) => ({
    at,
    path: `/${env}/prometheus/api/v1/query_range`,
    query,
  });

  it('names queries asked twice in one environment, not the same query in two', () => {
    expect(
      repeatedQueries([
        range('env01', 'sum(a)'),
        range('env02', 'sum(a)'),
        range('env01', 'sum(b)'),
        range('env01', 'sum(b)'),
        { at, path: '/env01/argocd/api/v1/applications/x' },
      ]),
    ).toEqual(['env01: sum(b) x2']);
  });

  it('counts calls of one endpoint per environment', () => {
    const series = (env: string) => ({
      at,
      path: `/${env}/prometheus/api/v1/series`,
    });
    expect([
      ...callsPerEnvironment(
        [
          series('env01'),
          series('env01'),
          series('env02'),
          range('env01', 'x'),
        ],
        '/series',
      ),
    ]).toEqual([
      ['env01', 2],
      ['env02', 1],
    ]);
  });
});
