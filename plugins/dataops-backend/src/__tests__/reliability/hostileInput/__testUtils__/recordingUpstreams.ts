import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

/** The upstream kinds the stand-ins play. */
export type UpstreamKind =
  | 'thanos'
  | 'opensearch'
  | 'argocd'
  | 'alertmanager'
  | 'iceberg';

const KINDS: UpstreamKind[] = [
  'thanos',
  'opensearch',
  'argocd',
  'alertmanager',
  'iceberg',
];

/** Base URL of one environment's stand-in for one upstream; the only hosts the backend may call. */
export function upstreamUrl(kind: UpstreamKind, env: string): string {
  return `http://${kind}.${env}.test`;
}

/** One request a stand-in received, as it arrived on the wire. */
export interface RecordedRequest {
  kind: UpstreamKind;
  env: string;
  method: string;
  /** The raw (still percent-encoded) path. */
  path: string;
  params: URLSearchParams;
  headers: Record<string, string>;
  body: string;
}

export interface RecordingOptions {
  environments: string[];
  /** Token the Argo CD stand-in hands out at login. */
  sessionToken: string;
  /**
   * When set, every call except the Argo CD login fails with this status and a body that echoes the
   * request's headers and body, as misconfigured proxies and debug endpoints do.
   */
  echoErrorsWithStatus?: number;
  /** Echo the Argo CD login too, so its password is in the error body. */
  echoLogin?: boolean;
}

const EMPTY_SEARCH = {
  took: 1,
  timed_out: false,
  _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
  hits: { total: { value: 0, relation: 'eq' }, max_score: null, hits: [] },
  aggregations: { histogram: { buckets: [] } },
};

function answer(
  kind: UpstreamKind,
  method: string,
  path: string,
  token: string,
) {
  if (kind === 'thanos') {
    if (path.endsWith('/series')) {
      return HttpResponse.json({ status: 'success', data: [] });
    }
    return HttpResponse.json({
      status: 'success',
      data: {
        resultType: path.endsWith('/query_range') ? 'matrix' : 'vector',
        result: [],
      },
    });
  }
  if (kind === 'opensearch') {
    return HttpResponse.json(EMPTY_SEARCH);
  }
  if (kind === 'argocd') {
    if (method === 'POST') {
      return HttpResponse.json({ token });
    }
    if (path === '/api/v1/applications') {
      return HttpResponse.json({ items: [] });
    }
    return HttpResponse.json(
      { message: 'not found', code: 5 },
      { status: 404 },
    );
  }
  if (kind === 'alertmanager') {
    return HttpResponse.json([]);
  }
  if (path.startsWith('/v1/config')) {
    return HttpResponse.json({ defaults: {}, overrides: {} });
  }
  return HttpResponse.json(
    {
      error: {
        message: 'no such table',
        type: 'NoSuchTableException',
        code: 404,
      },
    },
    { status: 404 },
  );
}

function echo(status: number, request: RecordedRequest) {
  const text = `request headers ${JSON.stringify(request.headers)} body ${
    request.body
  }`;
  // Each upstream puts its error text where its clients look for it: OpenSearch in `error.root_cause`,
  // the others in `error` or `message`.
  return HttpResponse.json(
    request.kind === 'opensearch'
      ? { error: { reason: text, root_cause: [{ reason: text }] }, status }
      : { error: text, message: text, status: 'error' },
    { status },
  );
}

/**
 * In-process stand-ins for every upstream of every environment (msw intercepts the backend's outgoing
 * HTTP), recording each request. Calls to any host that is not a configured stand-in are counted in
 * `stray`; the test backend's own loopback address is let through so supertest can reach it.
 */
export function recordingUpstreams(options: RecordingOptions) {
  const recorded: RecordedRequest[] = [];
  const stray: string[] = [];
  const handlers = options.environments.flatMap(env =>
    KINDS.map(kind =>
      http.all(`${upstreamUrl(kind, env)}/*`, async ({ request }) => {
        const url = new URL(request.url);
        const entry: RecordedRequest = {
          kind,
          env,
          method: request.method,
          path: url.pathname,
          params: url.searchParams,
          headers: Object.fromEntries(request.headers.entries()),
          body: await request.text(),
        };
        recorded.push(entry);
        const isLogin = kind === 'argocd' && request.method === 'POST';
        if (options.echoErrorsWithStatus && (!isLogin || options.echoLogin)) {
          return echo(options.echoErrorsWithStatus, entry);
        }
        return answer(kind, request.method, url.pathname, options.sessionToken);
      }),
    ),
  );
  const server = setupServer(...handlers);
  return {
    recorded,
    stray,
    listen() {
      server.listen({
        onUnhandledRequest(request) {
          const { hostname } = new URL(request.url);
          if (hostname !== '127.0.0.1' && hostname !== 'localhost') {
            stray.push(request.url);
          }
        },
      });
    },
    close() {
      server.close();
    },
  };
}
