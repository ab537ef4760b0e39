export const MAX_PAGE_SIZE = 500;

/** One page of an entity's log search. @public */
export interface LogSearchRequest {
  /** Index or index pattern to search. */
  index: string;
  /** Exact-value filters from `dataops.io/opensearch-filter`. */
  terms: Array<{ field: string; value: string }>;
  /** Unix milliseconds. */
  from: number;
  /** End of the time range, unix milliseconds, inclusive. */
  to: number;
  /** Free text, only ever passed to `simple_query_string`, which cannot fail on syntax or run scripts. */
  text?: string;
  /** Values of the level field to keep; every level when absent or empty. */
  levels?: string[];
  /** Sort values of the last hit of the previous page, to fetch the page after it. */
  searchAfter?: Array<string | number>;
  /** Hits per page, clamped to 1..`MAX_PAGE_SIZE`. */
  size: number;
  /** Histogram bucket width in milliseconds; no histogram when absent. */
  histogramIntervalMs?: number;
}

/**
 * Where the log documents keep their timestamp, level and message: an environment's
 * `opensearch.timestampField`, `opensearch.levelField` and `opensearch.messageField`.
 * @public
 */
export interface LogSearchFields {
  /** Date field the search sorts and filters on. */
  timestampField: string;
  /** Keyword field holding the log level. */
  levelField: string;
  /** Text field holding the message: the only field free text searches. */
  messageField: string;
}

/**
 * Operators free text may use. Prefix (`hunter*`) and fuzzy (`hunter~`) searches are left out: with them, hit
 * counts spell out a masked value one character at a time. Searching the message field only keeps fields
 * with sensitive names (which are masked whole in the answer) out of reach of free text altogether.
 */
const FREE_TEXT_OPERATORS = 'AND|OR|NOT|PHRASE|PRECEDENCE|WHITESPACE|ESCAPE';

/**
 * The `_search` body the logs client sends; pure, so the demo sandbox's contract test sends exactly what the
 * backend would without copying it.
 * @public
 */
export function buildLogSearchBody(
  request: LogSearchRequest,
  fields: LogSearchFields,
): Record<string, unknown> {
  const { timestampField, levelField, messageField } = fields;
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
            fields: [messageField],
            flags: FREE_TEXT_OPERATORS,
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
