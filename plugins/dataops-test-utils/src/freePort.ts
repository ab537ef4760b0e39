import { createServer } from 'node:net';

/**
 * A loopback port that is free right now: the OS picks it for a throw-away listener, which is closed
 * again. Another process may still take it before the caller binds it, so callers that spawn servers
 * retry on "address already in use" (as {@link startServerProcess} does).
 * @public
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('the OS assigned no port')),
      );
    });
  });
}
