import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  AnnotationValueError,
  LogHistogramBucket,
  LogHit,
  LogLevel,
  LogsData,
  OpenSearchTermFilter,
  checkLogScope,
  dataopsLogsReadPermission,
  isWellFormedIndexPattern,
  parseOpenSearchFilters,
  readAnnotation,
} from '@dataops-observability/plugin-dataops-common';
import {
  DataOpsMissingAnnotationError,
  DataOpsSourceError,
  DataOpsView,
} from '@dataops-observability/plugin-dataops-node';
import { MAX_PAGE_SIZE, opensearchSource } from '../../sources';
import type { ViewDependencies } from '../shared';
import { maskLogFields, maskText } from './maskLogFields';
import { buildDashboardsLink } from '../../links';

const LEVELS: LogLevel[] = ['error', 'warn', 'info', 'debug', 'trace'];
// A Map, not an object: the level comes from log data, and `constructor` must not find Object's.
const LEVEL_ALIASES: ReadonlyMap<string, LogLevel> = new Map([
  ['fatal', 'error'],
  ['critical', 'error'],
  ['err', 'error'],
  ['warning', 'warn'],
  ['information', 'info'],
  ['notice', 'info'],
]);

export function normalizeLevel(value: unknown): LogLevel {
  const l = String(value ?? '').toLowerCase();
  if ((LEVELS as string[]).includes(l)) {
    return l as LogLevel;
  }
  return LEVEL_ALIASES.get(l) ?? 'unknown';
}

function badAnnotation(message: string) {
  return new DataOpsSourceError({
    type: 'BAD_ANNOTATION',
    source: 'opensearch',
    message,
  });
}

/**
 * `field:value` pairs of `dataops.io/opensearch-filter`. A bad value is reported on the environment, like
 * the other annotation problems of this view, rather than failing the whole request.
 */
export function parseFilters(raw: string | undefined): OpenSearchTermFilter[] {
  try {
    return parseOpenSearchFilters(raw);
  } catch (e) {
    if (e instanceof AnnotationValueError) {
      throw badAnnotation(`${ANNOTATIONS.opensearchFilter}: ${e.message}`);
    }
    throw e;
  }
}

export function encodeCursor(sort: Array<string | number>): string {
  return Buffer.from(JSON.stringify(sort)).toString('base64url');
}

export function decodeCursor(cursor: string): Array<string | number> {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length > 0 &&
      value.length <= 4 &&
      value.every(
        v => typeof v === 'number' || (typeof v === 'string' && v.length < 200),
      )
    ) {
      return value;
    }
  } catch {
    // fall through
  }
  throw new InputError(`Invalid 'cursor': not a cursor returned by this API`);
}

function histogramInterval(rangeMs: number): number {
  const target = rangeMs / 60;
  const steps = [
    1, 5, 10, 30, 60, 300, 600, 1800, 3600, 10800, 21600, 43200, 86400,
  ].map(s => s * 1000);
  return steps.find(s => s >= target) ?? 86400000;
}

function readPath(source: Record<string, unknown>, path: string): unknown {
  if (path in source) {
    return source[path];
  }
  return path.split('.').reduce<any>((node, key) => node?.[key], source);
}

/** `logs`: the entity's log lines from the environment's OpenSearch, masked, with a histogram by level. */
export function createLogsView(deps: ViewDependencies): DataOpsView<LogsData> {
  return {
    name: 'logs',
    ttlSeconds: 10,
    usesSearchParams: true,
    area: 'logs',
    async authorize({ entity, credentials }) {
      const [decision] = await deps.permissions.authorize(
        [
          {
            permission: dataopsLogsReadPermission,
            resourceRef: stringifyEntityRef(entity),
          },
        ],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError('You may not read the logs of this entity');
      }
    },
    async run(ctx) {
      const client = ctx.source(opensearchSource);
      const index = readAnnotation(
        ctx.entity,
        ANNOTATIONS.opensearchIndex,
        ctx.env.name,
      );
      if (!index) {
        throw new DataOpsMissingAnnotationError(
          'opensearch',
          `the entity has no ${ANNOTATIONS.opensearchIndex} annotation`,
        );
      }
      if (!isWellFormedIndexPattern(index)) {
        throw badAnnotation(
          `${ANNOTATIONS.opensearchIndex}: '${index}' is not a single lowercase index pattern`,
        );
      }
      const terms = parseFilters(
        readAnnotation(ctx.entity, ANNOTATIONS.opensearchFilter, ctx.env.name),
      );
      // The data scope rule, as the catalog processor applies it at registration: an entity reads inside
      // the index patterns and with the filter term that its own reference fills in, never another's.
      const [outOfScope] = checkLogScope(ctx.entity, {
        name: ctx.env.name,
        allowedIndexPatterns: client.config.allowedIndexPatterns,
        entityScope: client.config.entityScope,
      });
      if (outOfScope) {
        throw badAnnotation(`${outOfScope.annotation}: ${outOfScope.message}`);
      }
      const from = ctx.range.from * 1000;
      const to = ctx.range.to * 1000;
      const size = Math.min(ctx.params.size ?? 100, MAX_PAGE_SIZE);
      const interval = histogramInterval(to - from);
      const result = await client.search(
        {
          index,
          terms,
          from,
          to,
          text: ctx.params.q,
          levels: ctx.params.level,
          size,
          searchAfter: ctx.params.cursor
            ? decodeCursor(ctx.params.cursor)
            : undefined,
          histogramIntervalMs: ctx.params.cursor ? undefined : interval,
        },
        ctx.signal,
      );
      const {
        timestampField,
        levelField,
        messageField,
        sensitiveFields,
        dashboards,
      } = client.config;
      // The same search (index, filters, text, levels, range) in OpenSearch Dashboards.
      const link = dashboards
        ? buildDashboardsLink(dashboards, {
            index,
            terms,
            levels: ctx.params.level,
            text: ctx.params.q,
            from,
            to,
            levelField,
            messageField,
          })
        : undefined;
      const hits: LogHit[] = result.hits.map(hit => {
        const { fields, maskedFields } = maskLogFields(
          hit.source,
          sensitiveFields,
        );
        const message = maskText(
          String(readPath(hit.source, messageField) ?? ''),
        );
        return {
          id: `${hit.index}/${hit.id}`,
          timestamp: String(readPath(hit.source, timestampField) ?? ''),
          level: normalizeLevel(readPath(hit.source, levelField)),
          message: message.text,
          fields,
          ...(maskedFields.length ? { maskedFields } : {}),
        };
      });
      const last = result.hits[result.hits.length - 1];
      const histogram: LogHistogramBucket[] = (result.histogram ?? []).map(
        b => {
          const counts: LogHistogramBucket['counts'] = {};
          for (const l of b.levels) {
            const level = normalizeLevel(l.key);
            counts[level] = (counts[level] ?? 0) + l.count;
          }
          return { timestamp: b.key, counts };
        },
      );
      return {
        hits,
        total: result.total,
        ...(result.hits.length === size && last?.sort
          ? { nextCursor: encodeCursor(last.sort) }
          : {}),
        histogram,
        histogramInterval: interval,
        index,
        ...(link ? { link } : {}),
      };
    },
    summarize(data) {
      const errors = data.histogram.reduce(
        (n, b) => n + (b.counts.error ?? 0),
        0,
      );
      return errors > 0
        ? {
            level: 'warning',
            reason: `${errors} error lines in the time range`,
          }
        : {
            level: 'healthy',
            reason: `no error lines among ${data.total} lines`,
          };
    },
  };
}
