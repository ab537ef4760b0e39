import express, { Request, Response } from 'express';
import http from 'node:http';

/**
 * Forwards every request under the mount point to a real Prometheus, method, query string and body as they
 * came, so the answer is the reference engine's own.
 */
export function createPrometheusProxy(targetUrl: string) {
  const target = new URL(targetUrl);
  const router = express.Router();
  router.use((req: Request, res: Response) => {
    const headers = { ...req.headers, host: target.host };
    const upstream = http.request(
      { hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers },
      answer => {
        res.status(answer.statusCode ?? 502);
        for (const [name, value] of Object.entries(answer.headers)) {
          if (value !== undefined) res.setHeader(name, value);
        }
        answer.pipe(res);
      },
    );
    upstream.on('error', e => {
      if (!res.headersSent) {
        res.status(502).json({ status: 'error', errorType: 'unavailable', error: `sandbox prometheus unreachable: ${e.message}` });
      } else {
        res.destroy(e);
      }
    });
    req.pipe(upstream);
  });
  return router;
}
