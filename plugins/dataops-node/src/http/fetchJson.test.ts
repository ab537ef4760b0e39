import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataOpsSourceError } from '../extensions/DataOpsSourceError';
import { ConcurrencyLimiter } from './ConcurrencyLimiter';
import { fetchJson } from './fetchJson';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A loopback server that records what reaches it and answers with `answer`. */
async function recordingServer(
  answer: (req: http.IncomingMessage, res: http.ServerResponse) => void,
) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', chunk => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      answer(req, res);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

const options = () => ({
  source: 'argocd' as const,
  timeoutMs: 5_000,
  limiter: new ConcurrencyLimiter(2),
  secrets: ['s3cret-password'],
});

describe('fetchJson and redirects', () => {
  let elsewhere: Awaited<ReturnType<typeof recordingServer>>;
  afterEach(() => elsewhere?.close());

  it.each([301, 302, 303, 307, 308])(
    'does not follow a %i to another origin, so credentials and body stay home',
    async status => {
      elsewhere = await recordingServer((_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end('{"token":"stolen"}');
      });
      const upstream = await recordingServer((_req, res) => {
        res.statusCode = status;
        res.setHeader('location', `${elsewhere.url}/api/v1/session?x=1`);
        res.end();
      });
      try {
        const error: unknown = await fetchJson(
          `${upstream.url}/api/v1/session`,
          {
            method: 'POST',
            headers: {
              Authorization: 'Bearer abc',
              'X-Custom': 'tenant-secret',
              'content-type': 'application/json',
            },
            body: JSON.stringify({ password: 's3cret-password' }),
          },
          options(),
        ).catch(e => e);
        expect(error).toBeInstanceOf(DataOpsSourceError);
        expect(error).toMatchObject({
          type: 'UPSTREAM_ERROR',
          source: 'argocd',
          statusCode: status,
        });
        expect((error as Error).message).toBe(
          `argocd answered ${status} redirecting to ${elsewhere.url}/api/v1/session; redirects are not followed, so configure the final URL`,
        );
        expect(upstream.received).toHaveLength(1);
        expect(elsewhere.received).toHaveLength(0);
      } finally {
        await upstream.close();
      }
    },
  );

  it('says when a redirect has no Location', async () => {
    const upstream = await recordingServer((_req, res) => {
      res.statusCode = 302;
      res.end();
    });
    try {
      await expect(fetchJson(upstream.url, {}, options())).rejects.toThrow(
        'argocd answered 302 redirecting to nowhere (no Location header)',
      );
    } finally {
      await upstream.close();
    }
  });
});
