import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './freePort';
import { startServerProcess } from './startServerProcess';

describe('freePort', () => {
  it('returns a loopback port another listener can bind', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    await new Promise(resolve => server.close(resolve));
  });
});

describe('startServerProcess', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'server-process-'));
    await writeFile(join(dir, 'prometheus.yml'), 'global: {}\n');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('resolves once the readiness path answers and stops the process', async () => {
    const server = await startServerProcess({
      command: 'prometheus',
      args: port => [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
    });
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
      const res = await fetch(`${server.url}/-/ready`);
      expect(res.status).toBe(200);
    } finally {
      await server.stop();
      await server.stop();
    }
    await expect(fetch(`${server.url}/-/ready`)).rejects.toThrow();
  }, 120_000);

  it('fails with the last output when the server exits before it is ready', async () => {
    await expect(
      startServerProcess({
        command: 'prometheus',
        args: () => ['--no-such-flag'],
      }),
    ).rejects.toThrow(
      /'prometheus' exited before becoming ready[^]*no-such-flag/,
    );
  }, 120_000);

  it('fails when the command is missing', async () => {
    await expect(
      startServerProcess({
        command: 'no-such-server-binary',
        args: () => [],
      }),
    ).rejects.toThrow(/spawn error: .*ENOENT/);
  }, 120_000);
});
