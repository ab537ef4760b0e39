/**
 * An OpenSearch `_search` answer (search___200 in the OpenSearch specification) holding one log line, with
 * the per-level histogram the logs view asks for.
 */
export function openSearchAnswer(line: {
  index: string;
  id: string;
  source: Record<string, unknown>;
  /** The hit's sort values; the first is its timestamp and histogram bucket. */
  sort: [number, number];
  level: string;
}) {
  return {
    took: 3,
    timed_out: false,
    _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
    hits: {
      total: { value: 1, relation: 'eq' },
      max_score: null,
      hits: [
        {
          _index: line.index,
          _id: line.id,
          _score: null,
          _source: line.source,
          sort: line.sort,
        },
      ],
    },
    aggregations: {
      histogram: {
        buckets: [
          {
            key: line.sort[0],
            doc_count: 1,
            levels: { buckets: [{ key: line.level, doc_count: 1 }] },
          },
        ],
      },
    },
  };
}
