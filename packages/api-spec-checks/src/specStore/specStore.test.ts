import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  defaultDirs,
  ensureSpecs,
  locateSpecs,
  readSpec,
  specsNotFoundMessage,
  specUrl,
} from './specStore.mjs';
import type { SpecEntry } from './specStore.mjs';

const sha256 = (text: string) =>
  crypto.createHash('sha256').update(text).digest('hex');

function entryFor(
  file: string,
  repository: string,
  upstreamPath: string,
  content: string,
): SpecEntry {
  return {
    file,
    repository,
    path: upstreamPath,
    commit: sha256(file).slice(0, 40),
    sha256: sha256(content),
    size: Buffer.byteLength(content),
  };
}

const GOOD = {
  json: '{"swagger":"2.0"}\n',
  yaml: 'openapi: 3.1.0\n',
};
const ENTRIES = [
  entryFor('one/swagger.json', 'owner/one', 'assets/swagger.json', GOOD.json),
  entryFor('two/openapi.yaml', 'owner/two', 'api/openapi.yaml', GOOD.yaml),
];
const CONTENT: Record<string, string> = {
  'one/swagger.json': GOOD.json,
  'two/openapi.yaml': GOOD.yaml,
};

/** A loopback server answering each upstream path with what `answer` returns, recording what was asked. */
async function startServer(
  answer: (url: string) => { status: number; body: string } | 'hang',
) {
  const requested: string[] = [];
  const server = http.createServer((req, res) => {
    requested.push(req.url ?? '');
    const reply = answer(req.url ?? '');
    if (reply === 'hang') {
      return;
    }
    res.writeHead(reply.status, { 'content-type': 'text/plain' });
    res.end(reply.body);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requested,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Serves every entry's pinned bytes at its upstream path. */
const serveGood = (url: string) => {
  const entry = ENTRIES.find(e => specUrl('', e) === url);
  return entry
    ? { status: 200, body: CONTENT[entry.file] }
    : { status: 404, body: 'not found' };
};

/** A port on which nothing listens: bound once, then released. */
async function refusedBaseUrl() {
  const server = http.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>(resolve => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describe('specStore', () => {
  let workDir: string;
  let repoRoot: string;
  let sharedDir: string;
  let cacheDir: string;
  let log: string[];

  beforeEach(() => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-specs-'));
    repoRoot = path.join(workDir, 'repo');
    fs.mkdirSync(repoRoot);
    ({ sharedDir, cacheDir } = defaultDirs(repoRoot));
    log = [];
  });
  afterEach(() => {
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  const writeSpecs = (dir: string, content = CONTENT) => {
    for (const [file, text] of Object.entries(content)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
  };
  const ensure = (
    env: Record<string, string | undefined>,
    timeoutMs?: number,
  ) =>
    ensureSpecs({
      env,
      repoRoot,
      entries: ENTRIES,
      log: line => log.push(line),
      timeoutMs,
    });
  const filesIn = (dir: string) =>
    fs.existsSync(dir)
      ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()
      : [];

  it('looks in the shared folder beside the repository and in its .cache', () => {
    expect(sharedDir).toBe(path.join(workDir, 'shared', 'specs'));
    expect(cacheDir).toBe(path.join(repoRoot, '.cache', 'api-specs'));
  });

  it('builds raw-file addresses from repository, commit and path', () => {
    expect(specUrl('https://mirror.example/raw/', ENTRIES[0])).toBe(
      `https://mirror.example/raw/owner/one/${ENTRIES[0].commit}/assets/swagger.json`,
    );
  });

  describe('locateSpecs', () => {
    const locate = (env: Record<string, string | undefined> = {}) =>
      locateSpecs({ env, repoRoot, entries: ENTRIES });

    it('prefers DATAOPS_SPECS_DIR, then a complete shared folder, then a complete cache', () => {
      const envDir = path.join(workDir, 'elsewhere');
      writeSpecs(sharedDir);
      writeSpecs(cacheDir);
      expect(locate({ DATAOPS_SPECS_DIR: envDir })).toEqual({
        dir: envDir,
        source: 'env',
      });
      expect(locate()).toEqual({ dir: sharedDir, source: 'shared' });
      fs.rmSync(path.join(sharedDir, 'two/openapi.yaml'));
      expect(locate()).toEqual({ dir: cacheDir, source: 'cache' });
      fs.rmSync(path.join(cacheDir, 'one/swagger.json'));
      expect(locate()).toBeUndefined();
    });

    it('explains what was looked for when nothing is found', () => {
      const message = specsNotFoundMessage(repoRoot, ENTRIES);
      expect(message).toContain('DATAOPS_SPECS_DIR');
      expect(message).toContain(sharedDir);
      expect(message).toContain(cacheDir);
      expect(message).toContain('one/swagger.json');
    });
  });

  describe('readSpec', () => {
    it('returns the pinned bytes', () => {
      writeSpecs(sharedDir);
      expect(
        readSpec({ dir: sharedDir, source: 'shared' }, ENTRIES[1]).toString(),
      ).toBe(GOOD.yaml);
    });

    it('refuses a copy whose checksum differs, naming both checksums', () => {
      writeSpecs(sharedDir, {
        ...CONTENT,
        'two/openapi.yaml': 'openapi: 3.0.0\n',
      });
      expect(() =>
        readSpec({ dir: sharedDir, source: 'shared' }, ENTRIES[1]),
      ).toThrow(
        `Checksum mismatch for API specification two/openapi.yaml at ${path.join(
          sharedDir,
          'two/openapi.yaml',
        )}: expected SHA-256 ${ENTRIES[1].sha256}, got ${sha256(
          'openapi: 3.0.0\n',
        )}`,
      );
    });

    it('names DATAOPS_SPECS_DIR when a file is missing there', () => {
      expect(() =>
        readSpec({ dir: workDir, source: 'env' }, ENTRIES[0]),
      ).toThrow(
        /one\/swagger\.json is missing[\s\S]*point DATAOPS_SPECS_DIR at a folder/,
      );
    });
  });

  describe('ensureSpecs', () => {
    it('downloads missing files into the cache from the pinned commit and says so', async () => {
      const server = await startServer(serveGood);
      try {
        await expect(
          ensure({ DATAOPS_SPECS_BASE_URL: server.baseUrl }),
        ).resolves.toEqual({ dir: cacheDir, source: 'cache' });
        expect(server.requested).toEqual(ENTRIES.map(e => specUrl('', e)));
      } finally {
        await server.close();
      }
      expect(
        fs.readFileSync(path.join(cacheDir, 'one/swagger.json'), 'utf8'),
      ).toBe(GOOD.json);
      expect(filesIn(cacheDir)).toEqual([
        'one',
        'one/swagger.json',
        'two',
        'two/openapi.yaml',
      ]);
      expect(log).toEqual([
        `Downloaded one/swagger.json (${ENTRIES[0].size} bytes) from ${specUrl(
          server.baseUrl,
          ENTRIES[0],
        )}`,
        `Downloaded two/openapi.yaml (${ENTRIES[1].size} bytes) from ${specUrl(
          server.baseUrl,
          ENTRIES[1],
        )}`,
        `API specifications: using the download cache ${cacheDir} (0 already there and verified, 2 downloaded)`,
      ]);
    });

    it('keeps intact cached files without asking the network', async () => {
      writeSpecs(cacheDir);
      await expect(
        ensure({ DATAOPS_SPECS_BASE_URL: await refusedBaseUrl() }),
      ).resolves.toEqual({ dir: cacheDir, source: 'cache' });
      expect(log).toEqual([
        `API specifications: using the download cache ${cacheDir} (2 already there and verified, 0 downloaded)`,
      ]);
    });

    it('replaces a corrupt cached file', async () => {
      writeSpecs(cacheDir, { ...CONTENT, 'one/swagger.json': '{"truncated":' });
      const server = await startServer(serveGood);
      try {
        await ensure({ DATAOPS_SPECS_BASE_URL: server.baseUrl });
        expect(server.requested).toEqual([specUrl('', ENTRIES[0])]);
      } finally {
        await server.close();
      }
      expect(
        fs.readFileSync(path.join(cacheDir, 'one/swagger.json'), 'utf8'),
      ).toBe(GOOD.json);
      expect(log[0]).toMatch(
        /^Checksum mismatch for API specification one\/swagger\.json .* Downloading it again\.$/,
      );
    });

    it('rejects downloaded bytes whose checksum differs and leaves nothing in place', async () => {
      const wrong = '{"swagger":"2.0","tampered":true}\n';
      const server = await startServer(url =>
        url === specUrl('', ENTRIES[0])
          ? { status: 200, body: wrong }
          : serveGood(url),
      );
      const url = specUrl(server.baseUrl, ENTRIES[0]);
      try {
        await expect(
          ensure({ DATAOPS_SPECS_BASE_URL: server.baseUrl }),
        ).rejects.toThrow(
          `Checksum mismatch for API specification one/swagger.json downloaded from ${url}: expected SHA-256 ${
            ENTRIES[0].sha256
          }, got ${sha256(wrong)}`,
        );
      } finally {
        await server.close();
      }
      // The good file still arrives; the bad one, and no temporary file, is left behind.
      expect(filesIn(cacheDir)).toEqual(['one', 'two', 'two/openapi.yaml']);
    });

    it('reports a missing upstream file with its address, the expected checksum and what to do', async () => {
      // A corrupt cached copy is removed even when its replacement cannot be had.
      writeSpecs(cacheDir, { 'one/swagger.json': 'stale' });
      const server = await startServer(url =>
        url === specUrl('', ENTRIES[0])
          ? { status: 404, body: 'not found' }
          : serveGood(url),
      );
      const error = await ensure({ DATAOPS_SPECS_BASE_URL: server.baseUrl })
        .then(() => undefined)
        .catch((e: Error) => e);
      await server.close();
      expect(error?.message).toContain(
        `Cannot download API specification one/swagger.json from ${specUrl(
          server.baseUrl,
          ENTRIES[0],
        )}: HTTP 404 Not Found; expected ${
          ENTRIES[0].size
        } bytes with SHA-256 ${ENTRIES[0].sha256}`,
      );
      expect(error?.message).toContain('set DATAOPS_SPECS_DIR to a folder');
      expect(fs.existsSync(path.join(cacheDir, 'one/swagger.json'))).toBe(
        false,
      );
    });

    it('names every file, its address and DATAOPS_SPECS_DIR when the host cannot be reached', async () => {
      const baseUrl = await refusedBaseUrl();
      const error = await ensure({ DATAOPS_SPECS_BASE_URL: baseUrl })
        .then(() => undefined)
        .catch((e: Error) => e);
      const lines = error?.message.split('\n') ?? [];
      expect(lines).toHaveLength(3);
      ENTRIES.forEach((entry, i) => {
        expect(lines[i]).toContain(
          `Cannot download API specification ${entry.file} from ${specUrl(
            baseUrl,
            entry,
          )}: fetch failed (ECONNREFUSED); expected ${
            entry.size
          } bytes with SHA-256 ${entry.sha256}`,
        );
      });
      expect(lines[2]).toMatch(
        /^To fix: set DATAOPS_SPECS_DIR to a folder holding the pinned upstream files \(one\/swagger\.json, two\/openapi\.yaml;/,
      );
      expect(filesIn(cacheDir)).toEqual([]);
    });

    it('gives up on a host that does not answer in time', async () => {
      const server = await startServer(() => 'hang');
      try {
        await expect(
          ensure({ DATAOPS_SPECS_BASE_URL: server.baseUrl }, 200),
        ).rejects.toThrow(
          /one\/swagger\.json from .*: no complete answer within 200 ms/,
        );
      } finally {
        await server.close();
      }
    });

    it('only verifies DATAOPS_SPECS_DIR, even when the shared folder exists', async () => {
      const envDir = path.join(workDir, 'elsewhere');
      writeSpecs(envDir);
      writeSpecs(sharedDir);
      await expect(
        ensure({
          DATAOPS_SPECS_DIR: envDir,
          DATAOPS_SPECS_BASE_URL: await refusedBaseUrl(),
        }),
      ).resolves.toEqual({ dir: envDir, source: 'env' });
      expect(log).toEqual([
        `API specifications: using DATAOPS_SPECS_DIR=${envDir} (2 files, checksums verified)`,
      ]);
      expect(filesIn(cacheDir)).toEqual([]);
    });

    it('fails on a wrong or missing file in DATAOPS_SPECS_DIR instead of downloading', async () => {
      const envDir = path.join(workDir, 'elsewhere');
      writeSpecs(envDir, { 'one/swagger.json': 'wrong' });
      const error = await ensure({ DATAOPS_SPECS_DIR: envDir })
        .then(() => undefined)
        .catch((e: Error) => e);
      expect(error?.message).toContain(
        `The API specifications in DATAOPS_SPECS_DIR=${envDir} are missing or not the pinned ones:`,
      );
      expect(error?.message).toContain(
        `expected SHA-256 ${ENTRIES[0].sha256}, got ${sha256('wrong')}`,
      );
      expect(error?.message).toContain(
        'API specification two/openapi.yaml is missing',
      );
      expect(error?.message).toContain('point DATAOPS_SPECS_DIR at a folder');
      expect(filesIn(cacheDir)).toEqual([]);
    });

    it('uses a complete shared folder without the network, and refuses a tampered one', async () => {
      writeSpecs(sharedDir);
      const baseUrl = await refusedBaseUrl();
      await expect(
        ensure({ DATAOPS_SPECS_BASE_URL: baseUrl }),
      ).resolves.toEqual({
        dir: sharedDir,
        source: 'shared',
      });
      expect(log).toEqual([
        `API specifications: using ${sharedDir} (2 files, checksums verified)`,
      ]);

      fs.writeFileSync(
        path.join(sharedDir, 'two/openapi.yaml'),
        'openapi: 3.0.0\n',
      );
      await expect(ensure({ DATAOPS_SPECS_BASE_URL: baseUrl })).rejects.toThrow(
        `expected SHA-256 ${ENTRIES[1].sha256}, got ${sha256(
          'openapi: 3.0.0\n',
        )}`,
      );
      expect(filesIn(cacheDir)).toEqual([]);
    });

    it('falls back to downloading when the shared folder lacks a file', async () => {
      writeSpecs(sharedDir, { 'one/swagger.json': GOOD.json });
      const server = await startServer(serveGood);
      try {
        await expect(
          ensure({ DATAOPS_SPECS_BASE_URL: server.baseUrl }),
        ).resolves.toEqual({ dir: cacheDir, source: 'cache' });
      } finally {
        await server.close();
      }
      expect(filesIn(cacheDir)).toContain('two/openapi.yaml');
    });
  });
});
