import { DataOpsSourceError } from '@dataops-observability/plugin-dataops-node';
import { parseFilters } from './logsView';

describe('parseFilters', () => {
  it('reads field:value terms', () => {
    expect(parseFilters('kubernetes.labels.app:etl, level:error')).toEqual([
      { field: 'kubernetes.labels.app', value: 'etl' },
      { field: 'level', value: 'error' },
    ]);
    expect(parseFilters(undefined)).toEqual([]);
  });

  it.each(['app', ':etl', 'a b:c', 'app:x\u0001'])(
    'reports %j as a bad annotation of this environment, naming the key',
    raw => {
      let error: unknown;
      try {
        parseFilters(raw);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DataOpsSourceError);
      expect(error).toMatchObject({
        type: 'BAD_ANNOTATION',
        source: 'opensearch',
        message: `dataops.io/opensearch-filter: '${raw}' is not field:value`,
      });
    },
  );
});
