import type { OpenSearchConfig } from '../../config';

export const MAX_PAGE_SIZE = 500;

/** One page of an entity's log search. @public */
export interface LogSearchRequest {
  index: string;
  /** Exact-value filters from `dataops.io/opensearch-filter`. */
  terms: Array<{ field: string; value: string }>;
  /** Unix milliseconds. */
  from: number;
  to: number;
  /** Free text, only ever passed to `simple_query_string`, which cannot fail on syntax or run scripts. */
  text?: string;
  levels?: string[];
  searchAfter?: Array<string | number>;
  size: number;
  /** Histogram bucket width in milliseconds; no histogram when absent. */
  histogramIntervalMs?: number;
}

/**
 * The `_search` body the logs client sends; pure, so the demo sandbox's contract test sends exactly what the
 * backend would without copying it.
 * @public
 */
export function buildLogSearchBody(
  request: LogSearchRequest,
  fields: Pick<OpenSearchConfig, 'timestampField' | 'levelField'>,
): Record<string, unknown> {
  const { timestampField, levelField } = fields;
  const filter: unknown[] = [
    {
      range: {
        [timestampField]: {
          gte: request.from,
          lte: request.to,
          format: 'epoch_millis',
        },
      },
    },
    ...request.terms.map(t => ({ term: { [t.field]: t.value } })),
  ];
  if (request.levels?.length) {
    filter.push({ terms: { [levelField]: request.levels } });
  }
  const must = request.text
    ? [
        {
          simple_query_string: {
            query: request.text,
            default_operator: 'and',
            lenient: true,
          },
        },
      ]
    : [];
  return {
    size: Math.min(Math.max(request.size, 1), MAX_PAGE_SIZE),
    track_total_hits: true,
    sort: [{ [timestampField]: 'desc' }, { _doc: 'asc' }],
    query: { bool: { filter, must } },
    ...(request.searchAfter ? { search_after: request.searchAfter } : {}),
    ...(request.histogramIntervalMs
      ? {
          aggs: {
            histogram: {
              date_histogram: {
                field: timestampField,
                fixed_interval: `${request.histogramIntervalMs}ms`,
                min_doc_count: 0,
                extended_bounds: { min: request.from, max: request.to },
              },
              aggs: { levels: { terms: { field: levelField, size: 10 } } },
            },
          },
        }
      : {}),
  };
}
