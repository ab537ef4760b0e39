import fc from 'fast-check';
import { InputError } from '@backstage/errors';
import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  AnnotationValueError,
  LabelMatcher,
  SelectorError,
  TimeRangeError,
  checkLabelSelector,
  isIndexPatternAllowed,
  isValidArgoCdAppName,
  parseOpenSearchFilters,
  parseSelector,
  parseTimeRange,
  readAnnotation,
  renderQuery,
} from '@dataops-observability/plugin-dataops-common';
import { buildLogSearchBody } from '../../../sources';
import { IcebergTableNameError, parseTableIdentifier } from '../../../sources';
import { parseQuery } from '../../../entityViews';
import {
  propertySeed,
  PURE_RUNS,
  checkInjectedMatchers,
  hostileText,
  mixed,
  realisticName,
} from './__testUtils__';

fc.configureGlobal({ seed: propertySeed() });

const runs = { numRuns: PURE_RUNS };
const LEVELS = ['error', 'warn', 'info', 'debug', 'trace', 'unknown'];

/**
 * Every input has two acceptable outcomes: refused with the documented error and a message naming the
 * problem, or accepted and then checked. The branching lives here, once, instead of in every property.
 */
function refusedOrChecked<T>(
  call: () => T,
  refusal: { type: new (...args: any[]) => Error; message: RegExp },
  check: (value: T) => void,
): void {
  let value: T;
  try {
    value = call();
  } catch (e) {
    expect(e).toBeInstanceOf(refusal.type);
    expect((e as Error).message).toMatch(refusal.message);
    return;
  }
  check(value);
}

/** Control characters break log lines and JSON-unaware tools; written without a regex on purpose. */
const hasControlCharacter = (text: string) =>
  [...text].some(c => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/** Whether an OpenSearch glob (only `*` is special) matches a concrete index name; written independently. */
function globMatches(glob: string, name: string): boolean {
  const star = glob.indexOf('*');
  if (star < 0) {
    return glob === name;
  }
  return (
    name.startsWith(glob.slice(0, star)) &&
    [...Array(name.length - star + 1).keys()].some(i =>
      globMatches(glob.slice(star + 1), name.slice(star + i)),
    )
  );
}

/** An index pattern the checks let through must be one plain path segment covered by an allowed glob. */
function checkIndexPattern(
  allowed: string[],
  index: string,
  fills: string[],
): boolean {
  if (!isIndexPatternAllowed(index, allowed)) {
    return false;
  }
  // One path segment, nothing to encode: no lists, remotes, exclusions or traversal.
  expect(encodeURIComponent(index).replace(/%2A/g, '*')).toBe(index);
  expect(index).not.toMatch(/^[-_.]|[,:/\\]|^_all$/);
  let k = 0;
  const concrete = index.replace(/\*/g, () => fills[k++ % fills.length]);
  expect(allowed.some(g => globMatches(g, concrete))).toBe(true);
  return true;
}

const labelValue = fc.oneof(realisticName(), hostileText());
const realisticSelector = fc
  .array(
    fc.record({
      name: fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/),
      op: fc.constantFrom('=', '!=', '=~', '!~'),
      value: labelValue,
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map(ms =>
    ms.map(m => `${m.name}${m.op}${JSON.stringify(m.value)}`).join(','),
  );

/** Selectors in all the positions a panel template has them. */
const TEMPLATE =
  'sum(rate(spark_app_jobs_total{status="failed"}[5m])) / sum(rate(spark_app_jobs_total[5m])) or on() max_over_time(up[1h:5m])';

describe('hostile input: pure surfaces', () => {
  it('prometheus-selector: parses to plain matchers or says why, and injects exactly those matchers', () => {
    fc.assert(
      fc.property(mixed(realisticSelector), selector =>
        refusedOrChecked(
          () => parseSelector(selector),
          {
            type: SelectorError,
            message: /^(invalid selector ".*": |selector is longer than)/s,
          },
          (matchers: LabelMatcher[]) => {
            expect(
              matchers.filter(m => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(m.name)),
            ).toEqual([]);
            expect(matchers.filter(m => m.name.startsWith('__'))).toEqual([]);
            const { problems, bare } = checkInjectedMatchers(
              renderQuery(TEMPLATE, { matchers }),
              matchers,
            );
            expect(problems).toEqual([]);
            expect(bare).toBe(TEMPLATE);
          },
        ),
      ),
      runs,
    );
  });

  it('identity annotations: a value lands inside its string literal or is refused naming the key', () => {
    const template =
      'sum(spark_driver_active_jobs{pod=~"${spark_app}-driver.*"}) + count(airflow_dag_run{dag_id="${dag_id}"})';
    fc.assert(
      fc.property(
        mixed(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,40}$/)),
        mixed(fc.stringMatching(/^[a-z][a-z0-9_]{0,30}$/)),
        (spark, dag) =>
          refusedOrChecked(
            () =>
              renderQuery(template, {
                matchers: [{ name: 'namespace', op: '=', value: 'spark' }],
                identity: { spark_app: spark, dag_id: dag },
              }),
            {
              type: SelectorError,
              message:
                /for '(spark_app|dag_id)' may only contain|needs '(spark_app|dag_id)'/,
            },
            query => {
              const { problems } = checkInjectedMatchers(query, [
                { name: 'namespace', op: '=', value: 'spark' },
              ]);
              expect(problems).toEqual([]);
              const [pod, dagId] = [
                /pod=~("(?:[^"\\]|\\.)*")/.exec(query)![1],
                /dag_id=("(?:[^"\\]|\\.)*")/.exec(query)![1],
              ].map(literal => JSON.parse(literal));
              expect(dagId).toBe(dag);
              // The regex matches the Spark app's own driver pods, taking every character of the name literally.
              const regex = new RegExp(`^(?:${pod})$`);
              expect(regex.test(`${spark}-driver-1`)).toBe(true);
              expect(regex.test(`x${spark}-driver`)).toBe(false);
            },
          ),
      ),
      runs,
    );
  });

  it('prometheus-selector .<env> overrides: the override wins when not blank, else the plain key', () => {
    const key = ANNOTATIONS.prometheusSelector;
    fc.assert(
      fc.property(
        fc.option(hostileText(), { nil: undefined }),
        fc.option(hostileText(), { nil: undefined }),
        fc.constantFrom('dev', 'prod', 'prod.eu', ''),
        (plain, override, env) => {
          const annotations: Record<string, string> = {};
          if (plain !== undefined) annotations[key] = plain;
          if (override !== undefined) annotations[`${key}.prod`] = override;
          const entity = { metadata: { name: 'x', annotations } } as Entity;
          const expected =
            (env === 'prod' && override?.trim()) || plain?.trim() || undefined;
          expect(readAnnotation(entity, key, env || undefined)).toBe(expected);
        },
      ),
      runs,
    );
  });

  it('opensearch-filter and q: filters are exact terms, user text only reaches simple_query_string', () => {
    const filterItem = fc
      .tuple(fc.stringMatching(/^[a-z_@][a-z0-9_.@-]{0,20}$/), realisticName())
      .map(([f, v]) => `${f}:${v}`);
    const filterList = fc
      .array(mixed(filterItem), { maxLength: 3 })
      .map(items => items.join(','));
    fc.assert(
      fc.property(
        filterList,
        fc.option(hostileText(), { nil: undefined }),
        (raw, q) =>
          refusedOrChecked(
            () => parseOpenSearchFilters(raw),
            { type: AnnotationValueError, message: /' is not field:value$/ },
            terms => {
              expect(
                terms.filter(
                  t =>
                    !/^[A-Za-z0-9_@][A-Za-z0-9_@.-]*$/.test(t.field) ||
                    hasControlCharacter(t.value),
                ),
              ).toEqual([]);
              const body: any = JSON.parse(
                JSON.stringify(
                  buildLogSearchBody(
                    {
                      index: 'logs-*',
                      terms,
                      from: 0,
                      to: 1,
                      text: q,
                      size: 10,
                    },
                    {
                      timestampField: '@timestamp',
                      levelField: 'level',
                      messageField: 'message',
                    },
                  ),
                ),
              );
              expect(Object.keys(body).sort()).toEqual([
                'query',
                'size',
                'sort',
                'track_total_hits',
              ]);
              expect(Object.keys(body.query)).toEqual(['bool']);
              expect(body.query.bool.must).toEqual(
                q
                  ? [
                      {
                        simple_query_string: {
                          query: q,
                          fields: ['message'],
                          flags:
                            'AND|OR|NOT|PHRASE|PRECEDENCE|WHITESPACE|ESCAPE',
                          default_operator: 'and',
                          lenient: true,
                        },
                      },
                    ]
                  : [],
              );
              expect(body.query.bool.filter.slice(1)).toEqual(
                terms.map(t => ({ term: { [t.field]: t.value } })),
              );
            },
          ),
      ),
      runs,
    );
  });

  it('opensearch-index: an allowed pattern only ever reaches indices the allowed globs cover', () => {
    const allowedGlob = fc.constantFrom(
      'logs-*',
      'logs-spark-*',
      'audit.2026*',
      '*',
    );
    let accepted = 0;
    const pattern = mixed(fc.stringMatching(/^[a-z0-9*][a-z0-9*._-]{0,30}$/));
    fc.assert(
      fc.property(
        fc.array(allowedGlob, { minLength: 1, maxLength: 2 }),
        pattern,
        fc.array(fc.stringMatching(/^[a-z0-9._-]{0,6}$/), {
          minLength: 8,
          maxLength: 8,
        }),
        (allowed, index, fills) => {
          accepted += checkIndexPattern(allowed, index, fills) ? 1 : 0;
        },
      ),
      runs,
    );
    // Both outcomes were exercised: many generated patterns are allowed, and so checked above.
    expect(accepted).toBeGreaterThan(PURE_RUNS / 10);
    expect(accepted).toBeLessThan(PURE_RUNS);
  });

  it('from, to and step: a bounded range or a TimeRangeError naming the parameter', () => {
    const now = Date.UTC(2026, 5, 1, 12);
    const relative = fc
      .tuple(
        fc.nat({ max: 9_999_999 }),
        fc.constantFrom('s', 'm', 'h', 'd', 'w'),
      )
      .map(([n, u]) => `now-${n}${u}`);
    const absolute = fc
      .date({
        min: new Date(0),
        max: new Date(now + 86400_000),
        noInvalidDate: true,
      })
      .map(d => d.toISOString());
    const time = fc.option(
      mixed(fc.oneof(relative, absolute, fc.constant('now'))),
      {
        nil: undefined,
      },
    );
    const step = fc.option(
      mixed(fc.oneof(fc.nat({ max: 100_000 }).map(String), fc.constant('0.5'))),
      { nil: undefined },
    );
    fc.assert(
      fc.property(time, time, step, (from, to, s) =>
        refusedOrChecked(
          () => parseTimeRange({ from, to, step: s }, { now }),
          { type: TimeRangeError, message: /^Invalid '(from|to|step)': / },
          r => {
            expect(Number.isInteger(r.from) && Number.isInteger(r.to)).toBe(
              true,
            );
            expect(r.from).toBeLessThan(r.to);
            expect(r.to - r.from).toBeLessThanOrEqual(31 * 86400);
            expect(r.step).toBeGreaterThanOrEqual(15);
            expect((r.to - r.from) / r.step).toBeLessThanOrEqual(1000);
          },
        ),
      ),
      runs,
    );
  });

  it('query string: valid parameters come out typed and bounded, anything else is a 400 naming it', () => {
    const known = ['env', 'from', 'to', 'step', 'q', 'cursor', 'size', 'level'];
    const value = fc.oneof(
      {
        weight: 4,
        arbitrary: mixed(
          fc.constantFrom('dev', 'error,warn', '50', 'now-1h', 'abc_-1'),
        ),
      },
      { weight: 1, arbitrary: fc.array(hostileText(), { maxLength: 3 }) },
      {
        weight: 1,
        arbitrary: fc.dictionary(hostileText(), hostileText(), { maxKeys: 2 }),
      },
    );
    const key = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...known) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('__proto__', 'constructor', 'env[]', 'Size'),
      },
      { weight: 1, arbitrary: hostileText() },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 5 }), pairs => {
        // Own properties even for `__proto__`, the way a query string parser hands them over.
        const query = JSON.parse(JSON.stringify(Object.fromEntries(pairs)));
        refusedOrChecked(
          () => parseQuery(query),
          {
            type: InputError,
            message:
              /^(Invalid '(env|from|to|step|q|cursor|size|level)': .+|Unknown query parameter\(s\): '[\s\S]*')$/s,
          },
          parsed => {
            expect(
              (parsed.env ?? []).filter(e => !/^[A-Za-z0-9_-]{1,63}$/.test(e)),
            ).toEqual([]);
            expect(
              (parsed.level ?? []).filter(l => !LEVELS.includes(l)),
            ).toEqual([]);
            expect(
              parsed.size === undefined ||
                (Number.isInteger(parsed.size) &&
                  parsed.size >= 1 &&
                  parsed.size <= 500),
            ).toBe(true);
            expect(parsed.cursor ?? 'x').toMatch(/^[A-Za-z0-9_-]+$/);
            expect((parsed.q ?? '').length).toBeLessThanOrEqual(500);
            for (const k of ['from', 'to', 'q'] as const) {
              expect(['string', 'undefined']).toContain(typeof parsed[k]);
            }
          },
        );
      }),
      // Found by this property: an empty parameter name gave a message that named nothing.
      { ...runs, examples: [[[['', '1']]]] },
    );
  });

  it('argocd/app-name: accepted names are one URL path segment as they are', () => {
    fc.assert(
      fc.property(
        mixed(fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,40}[a-z0-9]$/)),
        name => {
          if (!isValidArgoCdAppName(name)) {
            return;
          }
          expect(encodeURIComponent(name)).toBe(name);
          expect(name).not.toMatch(/^\.\.?$/);
          const url = new URL(
            `/api/v1/applications/${encodeURIComponent(name)}`,
            'http://argocd.test',
          );
          expect(url.host).toBe('argocd.test');
          expect(url.pathname).toBe(`/api/v1/applications/${name}`);
          expect(url.search + url.hash).toBe('');
        },
      ),
      runs,
    );
  });

  it('argocd/app-selector: accepted selectors travel as one query value, unchanged', () => {
    const requirement = fc.oneof(
      fc.tuple(realisticName(), realisticName()).map(([k, v]) => `${k}=${v}`),
      fc
        .tuple(realisticName(), realisticName())
        .map(([k, v]) => `${k} in (${v},x)`),
      realisticName().map(k => `!${k}`),
    );
    const selector = fc
      .array(mixed(requirement), { minLength: 1, maxLength: 3 })
      .map(r => r.join(','));
    fc.assert(
      fc.property(selector, raw => {
        const problem = checkLabelSelector(raw) ?? 'accepted';
        expect(problem).toMatch(
          /^accepted$|label selector|not a label selector requirement/,
        );
        if (problem !== 'accepted') {
          return;
        }
        const url = new URL(
          `/api/v1/applications?selector=${encodeURIComponent(raw)}`,
          'http://argocd.test',
        );
        expect(url.host).toBe('argocd.test');
        expect(url.pathname).toBe('/api/v1/applications');
        expect([...url.searchParams.keys()]).toEqual(['selector']);
        expect(url.searchParams.get('selector')).toBe(raw);
      }),
      runs,
    );
  });

  it('iceberg-table: accepted names are namespace and table path segments needing no encoding', () => {
    const table = fc
      .array(fc.stringMatching(/^[a-z_][a-z0-9_-]{0,15}$/), {
        minLength: 2,
        maxLength: 3,
      })
      .map(p => p.join('.'));
    fc.assert(
      fc.property(mixed(table), raw =>
        refusedOrChecked(
          () => parseTableIdentifier(raw),
          { type: IcebergTableNameError, message: /^'[\s\S]*'[ :]/ },
          id => {
            const parts = [...id.namespace, id.table];
            expect(parts.filter(p => encodeURIComponent(p) !== p)).toEqual([]);
            expect(parts.filter(p => /^\.*$/.test(p))).toEqual([]);
            expect(parts.join('.')).toBe(raw);
          },
        ),
      ),
      runs,
    );
  });
});
