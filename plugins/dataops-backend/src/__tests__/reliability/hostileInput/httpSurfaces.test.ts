import fc from 'fast-check';
import request from 'supertest';
import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  LabelMatcher,
  checkLabelSelector,
  isIndexPatternAllowed,
  isValidArgoCdAppName,
  parseOpenSearchFilters,
  parseSelector,
  readAnnotation,
} from '@dataops-observability/plugin-dataops-common';
import { parseTableIdentifier } from '../../../sources';
import {
  propertySeed,
  RecordedRequest,
  checkInjectedMatchers,
  VIEW_NAMES,
  dataopsTestConfig,
  hostileText,
  mixed as mixedValues,
  realisticName,
  recordingUpstreams,
  startDataOpsBackend,
} from './__testUtils__';

fc.configureGlobal({ seed: propertySeed() });

jest.setTimeout(240_000);

/** Full HTTP round trips are slower than pure calls; this many still covers every surface many times. */
const HTTP_RUNS = 600;
const ENVS = ['dev', 'prod'];
const ALLOWED_INDEX: Record<string, string[]> = {
  dev: ['logs-*'],
  prod: ['logs-prod-*', 'audit-*'],
};
const VIEWS = VIEW_NAMES;
const TYPES = ['spark-job', 'airflow-dag', 'iceberg-table'];
const IDENTITY_KEYS = [
  ANNOTATIONS.sparkAppName,
  ANNOTATIONS.airflowDagId,
  ANNOTATIONS.icebergTable,
];
const ENTITY_NAME = 'daily-sales-etl';

/** Mostly valid values, so the views really run; the rest near misses and hostile text. */
const mixed = (valid: fc.Arbitrary<string>) => mixedValues(valid, 3);

const selector = fc
  .array(
    fc.tuple(
      fc.constantFrom('namespace', 'app', 'team'),
      fc.constantFrom('=', '=~', '!='),
      fc.oneof(realisticName(), hostileText()),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map(ms => ms.map(([n, op, v]) => `${n}${op}${JSON.stringify(v)}`).join(','));
// Identity values that pass validation start with a marker, so they can be told apart in the queries.
const identity = fc.stringMatching(/^ZQ[A-Za-z0-9_-]{1,20}$/);
const table = fc
  .tuple(
    fc.stringMatching(/^ZQ[a-z0-9_]{1,10}$/),
    fc.stringMatching(/^ZQ[a-z0-9_]{1,10}$/),
  )
  .map(([a, b]) => `${a}.${b}`);

const annotationsOf = (mix: typeof mixed) =>
  fc.record(
    {
      [ANNOTATIONS.prometheusSelector]: mix(selector),
      [`${ANNOTATIONS.prometheusSelector}.prod`]: mix(selector),
      [ANNOTATIONS.opensearchIndex]: mix(
        fc.constantFrom('logs-spark-*', 'logs-prod-x', 'audit-*', 'logs-*'),
      ),
      [`${ANNOTATIONS.opensearchIndex}.prod`]: mix(
        fc.constantFrom('logs-prod-*', 'secrets'),
      ),
      [ANNOTATIONS.opensearchFilter]: mix(
        realisticName().map(v => `kubernetes.labels.app:${v}`),
      ),
      [ANNOTATIONS.argocdAppName]: mix(realisticName()),
      [`${ANNOTATIONS.argocdAppName}.prod`]: mix(
        realisticName().map(n => `${n}-prod`),
      ),
      [ANNOTATIONS.argocdAppSelector]: mix(
        realisticName().map(n => `team=${n}`),
      ),
      [ANNOTATIONS.sparkAppName]: mix(identity),
      [ANNOTATIONS.airflowDagId]: mix(identity),
      [ANNOTATIONS.icebergTable]: mix(table),
      [ANNOTATIONS.environments]: mix(
        fc.constantFrom('dev,prod', 'prod', 'dev'),
      ),
    },
    { requiredKeys: [] },
  );

// Valid values only; `mixed` adds the near misses (ranges over 31 days, a cursor without one env, ...).
const queryOf = (mix: typeof mixed) =>
  fc.record(
    {
      env: fc.oneof(
        mix(fc.constantFrom(...ENVS)),
        fc.array(fc.constantFrom(...ENVS), { maxLength: 2 }),
      ),
      from: mix(fc.constantFrom('now-1h', 'now-6h', 'now-2d')),
      to: mix(fc.constantFrom('now', 'now-5m')),
      step: mix(fc.integer({ min: 1, max: 4000 }).map(String)),
      q: mix(fc.constantFrom('failed', 'error AND timeout', 'user:"x"')),
      size: mix(fc.integer({ min: 1, max: 500 }).map(String)),
      level: mix(fc.constantFrom('error', 'warn,info', 'unknown')),
    },
    { requiredKeys: [] },
  );
const hostileQuery = fc
  .tuple(
    queryOf(mixed),
    fc.record(
      {
        env: fc.array(fc.constantFrom(...ENVS, 'mars'), { maxLength: 3 }),
        from: fc.constantFrom('now-40d', '2026-01-01T00:00:00Z'),
        cursor: mixed(fc.constantFrom('WzE3NjcyNjE2MDAwMDAsN10', 'abc')),
        size: fc.constantFrom('0', '501', '1e3'),
      },
      { requiredKeys: [] },
    ),
  )
  .map(([a, b]) => ({ ...a, ...b }));

const clean = <T>(valid: fc.Arbitrary<T>) => valid;
/** Most cases are well formed, so the views really run; the rest carry hostile values somewhere. */
const caseArb = fc.record({
  type: fc.constantFrom(...TYPES),
  annotations: fc.oneof(
    { weight: 3, arbitrary: annotationsOf(clean) },
    { weight: 1, arbitrary: annotationsOf(mixed) },
  ),
  view: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...VIEWS) },
    { weight: 1, arbitrary: hostileText() },
  ),
  name: fc.oneof(
    { weight: 6, arbitrary: fc.constant(ENTITY_NAME) },
    { weight: 1, arbitrary: hostileText() },
  ),
  query: fc.oneof(
    { weight: 2, arbitrary: queryOf(clean) },
    { weight: 1, arbitrary: hostileQuery },
  ),
});

function entityOf(type: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: ENTITY_NAME, namespace: 'default', annotations },
    spec: { type, owner: 'sales-data', lifecycle: 'production' },
  };
}

/**
 * Replaces the run's valid identity values by one token, so queries compare across entities (two
 * identity annotations may carry the same value, so the token does not say which one).
 */
function normalize(text: string, entity: Entity, env: string): string {
  const values = IDENTITY_KEYS.flatMap(key => {
    const v = readAnnotation(entity, key, env);
    return v ? [[key, v] as const] : [];
  })
    .flatMap(([key, v]) => [
      // Iceberg tables are also queried by namespace and table name apart.
      ...v.split('.').map(part => [key, part] as const),
      [key, v] as const,
    ])
    .filter(([, v]) => v !== '');
  let out = text;
  for (const [, v] of values.sort((a, b) => b[1].length - a[1].length)) {
    for (const form of [v, v.replace(/[.*+?^$()[\]{}|\\]/g, '\\$&')]) {
      out = out.split(JSON.stringify(form).slice(1, -1)).join('<identity>');
    }
  }
  return out;
}

function expectedMatchers(entity: Entity, env: string): LabelMatcher[] {
  const raw = readAnnotation(entity, ANNOTATIONS.prometheusSelector, env);
  return [...parseSelector(raw ?? ''), { name: 'env', op: '=', value: env }];
}

/**
 * Entity queries carry the entity's matchers and the environment's; storage checks select by table,
 * bucket or pool name instead of the entity's labels and carry only the environment's.
 */
function inspect(query: string, entity: Entity, env: string) {
  const envOnly = checkInjectedMatchers(query, [
    { name: 'env', op: '=', value: env },
  ]);
  let full;
  try {
    full = checkInjectedMatchers(query, expectedMatchers(entity, env));
  } catch {
    // The entity's selector is invalid here, so only queries that do not use it may have been sent.
    return envOnly;
  }
  return full.problems.length === 0 || envOnly.problems.length ? full : envOnly;
}

function promQueries(r: RecordedRequest): string[] {
  const form = new URLSearchParams(r.body);
  return [...form.getAll('query'), ...form.getAll('match[]')];
}

const BAD_REQUEST =
  /^(Invalid '(env|from|to|step|q|cursor|size|level)': .+|Invalid entity (namespace|kind|name) '.*'|Unknown query parameter\(s\): '[\s\S]*'|Unknown view '.*'; known views: .+|Bad annotation (dataops\.io\/[a-z-]+)(\.[a-z]+)?: .+)$/s;

/**
 * What the stand-ins received for one generated case: PromQL with exactly the validated matchers and no
 * other change, OpenSearch with the allowed index and user text only in `simple_query_string`, Argo CD
 * names only as validated path segments or selector values, Alertmanager filters of single matchers.
 */
function checkUpstreamRequests(
  recorded: RecordedRequest[],
  baseline: Set<string> | undefined,
  entity: Entity,
  q: Record<string, unknown>,
) {
  for (const r of recorded) {
    if (r.kind === 'thanos') {
      for (const query of promQueries(r)) {
        const { problems, bare } = inspect(query, entity, r.env);
        expect(problems).toEqual([]);
        expect(baseline).toContain(normalize(bare, entity, r.env));
      }
    } else if (r.kind === 'opensearch') {
      const index = readAnnotation(entity, ANNOTATIONS.opensearchIndex, r.env)!;
      expect(r.path).toBe(
        `/${encodeURIComponent(index).replace(/%2A/g, '*')}/_search`,
      );
      expect(isIndexPatternAllowed(index, ALLOWED_INDEX[r.env])).toBe(true);
      const body = JSON.parse(r.body);
      expect(body.query.bool.must).toEqual(
        q.q
          ? [
              {
                simple_query_string: {
                  query: q.q,
                  fields: ['message'],
                  flags: 'AND|OR|NOT|PHRASE|PRECEDENCE|WHITESPACE|ESCAPE',
                  default_operator: 'and',
                  lenient: true,
                },
              },
            ]
          : [],
      );
      const terms = parseOpenSearchFilters(
        readAnnotation(entity, ANNOTATIONS.opensearchFilter, r.env),
      );
      expect(body.query.bool.filter.filter((f: any) => f.term)).toEqual(
        terms.map(t => ({ term: { [t.field]: t.value } })),
      );
    } else if (r.kind === 'argocd') {
      const name = readAnnotation(entity, ANNOTATIONS.argocdAppName, r.env);
      if (r.method === 'POST') {
        expect(r.path).toBe('/api/v1/session');
      } else if (name) {
        expect(isValidArgoCdAppName(name)).toBe(true);
        expect(r.path).toBe(`/api/v1/applications/${name}`);
        expect([...r.params.keys()]).toEqual([]);
      } else {
        const sel = readAnnotation(
          entity,
          ANNOTATIONS.argocdAppSelector,
          r.env,
        )!;
        expect(checkLabelSelector(sel)).toBeUndefined();
        expect(r.path).toBe('/api/v1/applications');
        expect([...r.params.entries()]).toEqual([['selector', sel]]);
      }
    } else if (r.kind === 'alertmanager') {
      expect(r.path).toBe('/api/v2/alerts');
      // The alerts view reads each Alertmanager whole (alerts are attributed by their env label), so an
      // unfiltered read carries no entity value; a filtered one may carry only the entity's own matchers.
      const filters = r.params.getAll('filter');
      const allowed =
        filters.length === 0
          ? []
          : [
              ...parseSelector(
                readAnnotation(entity, ANNOTATIONS.prometheusSelector, r.env) ??
                  '',
              ),
              {
                name: 'backstage_entity',
                op: '=',
                value: `component:default/${ENTITY_NAME}`,
              },
            ].map(m => JSON.stringify(m));
      for (const f of filters) {
        const matchers = parseSelector(f);
        expect(matchers).toHaveLength(1);
        expect(allowed).toContain(JSON.stringify(matchers[0]));
      }
    } else if (!r.path.startsWith('/v1/config')) {
      const id = parseTableIdentifier(
        readAnnotation(entity, ANNOTATIONS.icebergTable, r.env)!,
      );
      expect(r.path).toBe(
        `/v1/namespaces/${id.namespace.join('%1F')}/tables/${id.table}`,
      );
    }
  }
}

/** The status is one the API documents for the input, with a message naming the problem when it is 400. */
function checkResponse(res: request.Response) {
  expect([200, 400, 404]).toContain(res.status);
  expect(res.status === 400 ? res.body.error.message : 'not a 400').toMatch(
    res.status === 400 ? BAD_REQUEST : /^not a 400$/,
  );
  for (const e of res.status === 200 ? res.body.environments : []) {
    expect(['ok', 'error', 'not-configured']).toContain(e.status);
    // An unexpected exception inside a view is caught and reported as this; it must not happen.
    expect(e.error?.message).not.toBe('internal error');
  }
}

describe('hostile input over HTTP', () => {
  const upstreams = recordingUpstreams({
    environments: ENVS,
    sessionToken: 'session-token',
  });
  let current: Entity = entityOf('spark-job', {});
  let server: Awaited<ReturnType<typeof startDataOpsBackend>>;
  const baseline = new Map<string, Set<string>>();
  const tally = {
    requests: 0,
    byStatus: {} as Record<number, number>,
    upstream: 0,
  };

  beforeAll(async () => {
    upstreams.listen();
    server = await startDataOpsBackend({
      config: dataopsTestConfig({
        opensearchPassword: 'p',
        argocdToken: 't',
        argocdPassword: 'p',
        thanosAuthorization: 'Bearer t',
        icebergToken: 't',
      }),
      entity: () => current,
    });
    // What each entity type's templates look like for a harmless entity: any other query text is injected.
    for (const type of TYPES) {
      const set = new Set<string>();
      current = entityOf(type, {
        [ANNOTATIONS.prometheusSelector]: 'namespace="spark",app="base"',
        [ANNOTATIONS.sparkAppName]: 'ZQbaseApp',
        [ANNOTATIONS.airflowDagId]: 'ZQbaseDag',
        [ANNOTATIONS.icebergTable]: 'ZQbase.ZQtable',
      });
      upstreams.recorded.length = 0;
      for (const view of VIEWS) {
        await request(server).get(
          `/api/dataops/v1/entity/default/component/${ENTITY_NAME}/${view}`,
        );
      }
      for (const r of upstreams.recorded.filter(x => x.kind === 'thanos')) {
        for (const q of promQueries(r)) {
          set.add(normalize(inspect(q, current, r.env).bare, current, r.env));
        }
      }
      // Without a real baseline every later comparison would be meaningless.
      if (set.size < 5) {
        throw new Error(`baseline for ${type} has only ${set.size} queries`);
      }
      baseline.set(type, set);
    }
  });

  afterAll(() => {
    upstreams.close();
    // Shown in the test output so the figures in docs/reliability.md can be re-measured.
    process.stdout.write(`hostile HTTP cases: ${JSON.stringify(tally)}\n`);
  });

  it('answers every generated request as documented or with a 400 naming the problem, and upstreams see only validated values', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async c => {
        current = entityOf(c.type, c.annotations as Record<string, string>);
        upstreams.recorded.length = 0;
        const params = new URLSearchParams();
        for (const [k, v] of Object.entries(c.query)) {
          (Array.isArray(v) ? v : [v]).forEach(x => params.append(k, x));
        }
        const path = `/api/dataops/v1/entity/default/component/${encodeURIComponent(
          c.name,
        )}/${encodeURIComponent(c.view)}`;
        // Node itself answers 431 above its 16 KB header limit, before any plugin code runs.
        fc.pre(path.length + String(params).length < 12_000);
        const res = await request(server)
          .get(`${path}?${params}`)
          .timeout(20000);
        tally.requests++;
        tally.byStatus[res.status] = (tally.byStatus[res.status] ?? 0) + 1;
        checkResponse(res);
        expect(upstreams.stray).toEqual([]);
        tally.upstream += upstreams.recorded.length;
        checkUpstreamRequests(
          upstreams.recorded,
          baseline.get(c.type),
          current,
          c.query as Record<string, unknown>,
        );
      }),
      {
        numRuns: HTTP_RUNS,
        endOnFailure: true,
        // Found by this property once: an SLO identity value the templates refuse must name its annotation.
        examples: [
          [
            {
              type: 'spark-job',
              annotations: {
                [ANNOTATIONS.prometheusSelector]: 'app="etl"',
                [ANNOTATIONS.sparkAppName]: 'ZQ-"-9',
              },
              view: 'slo',
              name: ENTITY_NAME,
              query: { env: 'dev' },
            },
          ],
        ],
      },
    );
    expect(tally.requests).toBeGreaterThanOrEqual(HTTP_RUNS * 0.9);
  });
});
