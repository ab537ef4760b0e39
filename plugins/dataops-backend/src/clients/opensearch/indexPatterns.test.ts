import { isIndexPatternAllowed } from './indexPatterns';

describe('isIndexPatternAllowed', () => {
  it.each([
    ['logs-spark-*', ['logs-*'], true],
    ['logs-spark-2026.01.01', ['logs-spark-*'], true],
    ['logs-spark-*', ['logs-airflow-*'], false],
    ['logs*', ['logs-*'], false],
    ['*', ['logs-*'], false],
    ['logs-a,secrets', ['logs-*'], false],
    ['-logs-a', ['*'], false],
    ['remote:logs-a', ['*'], false],
    ['LOGS-a', ['logs-*'], false],
  ])('%s inside %j is %p', (pattern, allowed, expected) => {
    expect(isIndexPatternAllowed(pattern, allowed)).toBe(expected);
  });
});
