import type { Config } from '@backstage/config';
import type {
  ExternalLink,
  OpenSearchTermFilter,
} from '@dataops-observability/plugin-dataops-common';
import { safeLinkUrl } from '@dataops-observability/plugin-dataops-common';
import { checkLinkBase } from './linkTemplate';
import { rison, risonObject, RisonValue } from './rison';

/** `opensearch.dashboardsUrl` and the saved index pattern ids Discover needs. */
export interface DashboardsLinkConfig {
  /** OpenSearch Dashboards base URL, without `/app/...`. */
  base: string;
  /** Saved index pattern id by index pattern (`dashboardsIndexPatterns`); the pattern itself otherwise. */
  indexPatternIds: ReadonlyMap<string, string>;
}

/** Reads `dashboardsUrl` and `dashboardsIndexPatterns` of an environment's `opensearch`. */
export function readDashboardsLinkConfig(
  opensearch: Config,
): DashboardsLinkConfig | undefined {
  const url = opensearch.getOptionalString('dashboardsUrl');
  if (!url) {
    return undefined;
  }
  const indexPatternIds = new Map<string, string>();
  for (const item of opensearch.getOptionalConfigArray(
    'dashboardsIndexPatterns',
  ) ?? []) {
    indexPatternIds.set(item.getString('pattern'), item.getString('id'));
  }
  return {
    base: checkLinkBase(url, 'opensearch.dashboardsUrl'),
    indexPatternIds,
  };
}

/** What the logs view searched, as the link repeats it. */
export interface DashboardsSearch {
  /** Index pattern searched. */
  index: string;
  /** `field:value` filters of the entity. */
  terms: OpenSearchTermFilter[];
  /** Values of the level field kept; every level when empty. */
  levels?: string[];
  /** The free text searched in the message field. */
  text?: string;
  /** Unix milliseconds. */
  from: number;
  /** Unix milliseconds. */
  to: number;
  /** The environment's level and message fields. */
  levelField: string;
  messageField: string;
}

/** A DQL quoted value: `\` and `"` escaped. */
function dqlQuoted(value: string): string {
  return `"${value.replace(/[\\"]/g, c => `\\${c}`)}"`;
}

/** A DQL field name, its special characters escaped. */
function dqlField(name: string): string {
  return name.replace(/[\\():<>"*\s]/g, c => `\\${c}`);
}

/**
 * The free text of the logs view as DQL on the message field. The view's text is a `simple_query_string`;
 * its phrases (`"..."`), negation (`-word`) and alternatives (`a | b`) carry over, every other word must
 * occur (`and`), and every value is quoted so nothing in it is DQL syntax.
 */
export function freeTextToDql(text: string, messageField: string): string {
  const field = dqlField(messageField);
  const tokens = Array.from(text.matchAll(/(-?)"([^"]*)"|(\S+)/g), m =>
    m[3] !== undefined ? m[3] : `${m[1]}"${m[2]}`,
  );
  const clauses: string[][] = [];
  let joinNext = false;
  for (const token of tokens) {
    if (token === '|') {
      joinNext = clauses.length > 0;
      continue;
    }
    const negate = token.startsWith('-') && token.length > 1;
    let body = negate ? token.slice(1) : token.replace(/^\+/, '');
    body = body.startsWith('"') ? body.slice(1) : body.replace(/[()]/g, '');
    if (!body) {
      continue;
    }
    const term = `${negate ? 'not ' : ''}${field}:${dqlQuoted(body)}`;
    if (joinNext) {
      clauses[clauses.length - 1].push(term);
    } else {
      clauses.push([term]);
    }
    joinNext = false;
  }
  return clauses
    .map(c => (c.length > 1 ? `(${c.join(' or ')})` : c[0]))
    .join(' and ');
}

function filterMeta(
  indexId: string,
  key: string,
  type: string,
  params: RisonValue,
  value?: string,
) {
  return risonObject(
    ['alias', null],
    ['disabled', false],
    ['index', indexId],
    ['key', key],
    ['negate', false],
    ['params', params],
    ['type', type],
    ...(value !== undefined ? [['value', value] as [string, RisonValue]] : []),
  );
}

function matchPhrase(field: string, value: string) {
  return risonObject(['match_phrase', risonObject([field, value])]);
}

/**
 * The same search in OpenSearch Dashboards' Discover: the data explorer form of OpenSearch Dashboards
 * 2.11 and later (`/app/data-explorer/discover#?_a=...&_g=...&_q=...`, rison-encoded state): the index
 * pattern in `_a`, the absolute time range in `_g`, the entity's filters and levels as pinned-free
 * phrase filters and the free text as DQL in `_q`.
 */
export function buildDashboardsLink(
  config: DashboardsLinkConfig,
  search: DashboardsSearch,
): ExternalLink | undefined {
  const indexId = config.indexPatternIds.get(search.index) ?? search.index;
  const filters: RisonValue[] = search.terms.map(t =>
    risonObject(
      [
        'meta',
        filterMeta(indexId, t.field, 'phrase', risonObject(['query', t.value])),
      ],
      ['query', matchPhrase(t.field, t.value)],
    ),
  );
  const levels = search.levels ?? [];
  if (levels.length) {
    filters.push(
      risonObject(
        [
          'meta',
          filterMeta(
            indexId,
            search.levelField,
            'phrases',
            levels,
            levels.join(', '),
          ),
        ],
        [
          'query',
          risonObject([
            'bool',
            risonObject(
              ['minimum_should_match', 1],
              ['should', levels.map(l => matchPhrase(search.levelField, l))],
            ),
          ]),
        ],
      ),
    );
  }
  const appState = risonObject(
    [
      'discover',
      risonObject(['columns', ['_source']], ['isDirty', false], ['sort', []]),
    ],
    ['metadata', risonObject(['indexPattern', indexId], ['view', 'discover'])],
  );
  const globalState = risonObject(
    ['filters', []],
    ['refreshInterval', risonObject(['pause', true], ['value', 0])],
    [
      'time',
      risonObject(
        ['from', new Date(search.from).toISOString()],
        ['to', new Date(search.to).toISOString()],
      ),
    ],
  );
  const queryState = risonObject(
    ['filters', filters],
    [
      'query',
      risonObject(
        ['language', 'kuery'],
        [
          'query',
          search.text ? freeTextToDql(search.text, search.messageField) : '',
        ],
      ),
    ],
  );
  const url = safeLinkUrl(
    `${config.base}/app/data-explorer/discover#?_a=${encodeURIComponent(
      rison(appState),
    )}&_g=${encodeURIComponent(rison(globalState))}&_q=${encodeURIComponent(
      rison(queryState),
    )}`,
  );
  return url ? { url, title: 'OpenSearch Dashboards' } : undefined;
}
