// @ts-check
/**
 * Finds, verifies and downloads the upstream API specifications that the contract tests read. They are not
 * kept in the repository, so every copy is checked against the SHA-256 pinned in `manifest.json` wherever it
 * comes from.
 *
 * Plain JavaScript on purpose: the set-up script (`bin/ensure-specs.mjs`) runs on bare Node before anything
 * is compiled, and the TypeScript helpers import these same functions, so both follow one resolution order.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * One pinned upstream file.
 * @typedef {object} SpecEntry
 * @property {string} file Where the copy lives, relative to a specs folder.
 * @property {string} repository Upstream GitHub repository, `owner/name`.
 * @property {string} path Path of the file in that repository.
 * @property {string} commit The commit whose version of the file is pinned.
 * @property {string} sha256 Hex SHA-256 of the file's bytes.
 * @property {number} size Size in bytes.
 */

/**
 * Where a complete set of specifications was found: the folder named by the environment variable, the
 * shared folder beside the repository, or the repository's own download cache.
 * @typedef {{ dir: string, source: 'env' | 'shared' | 'cache' }} SpecsLocation
 */

export const SPECS_DIR_ENV = 'DATAOPS_SPECS_DIR';
export const SPECS_BASE_URL_ENV = 'DATAOPS_SPECS_BASE_URL';
export const DEFAULT_BASE_URL = 'https://raw.githubusercontent.com';
export const ENSURE_SPECS_COMMAND =
  'node packages/api-spec-checks/bin/ensure-specs.mjs';
const MANIFEST_PATH = 'packages/api-spec-checks/src/specStore/manifest.json';
// Generous: the largest file is under 3 MB, but a slow proxy should not fail the test run.
const DEFAULT_TIMEOUT_MS = 120_000;

/**
 * The two folders looked at after the environment variable.
 * @param {string} repoRoot
 */
export function defaultDirs(repoRoot) {
  return {
    sharedDir: path.resolve(repoRoot, '..', 'shared', 'specs'),
    // Inside `.cache/`, which the repository ignores.
    cacheDir: path.join(repoRoot, '.cache', 'api-specs'),
  };
}

/**
 * The address of a pinned file: `<baseUrl>/<owner>/<repo>/<commit>/<path>`, the layout of GitHub's raw
 * file host, which a mirror has to reproduce.
 * @param {string} baseUrl
 * @param {SpecEntry} entry
 */
export function specUrl(baseUrl, entry) {
  return `${baseUrl.replace(/\/+$/, '')}/${entry.repository}/${entry.commit}/${
    entry.path
  }`;
}

/** @param {Uint8Array} bytes */
function sha256(bytes) {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** @param {SpecEntry} entry */
function describeExpected(entry) {
  return `expected ${entry.size} bytes with SHA-256 ${entry.sha256} (${entry.repository} at ${entry.commit}, ${entry.path})`;
}

/**
 * What to do about missing or wrong files, for the place they were looked for.
 * @param {SpecEntry[]} entries
 * @param {SpecsLocation['source']} [source]
 */
function howToFix(entries, source) {
  const files = `(${entries
    .map(e => e.file)
    .join(', ')}; sources and checksums in ${MANIFEST_PATH})`;
  if (source === 'env') {
    return (
      `To fix: point ${SPECS_DIR_ENV} at a folder holding the pinned upstream files ${files}, or unset it ` +
      `to use the shared specs folder beside the repository or the download cache.`
    );
  }
  if (source === 'shared') {
    return (
      `To fix: put the pinned files back in that folder, or set ${SPECS_DIR_ENV} to a folder holding ` +
      `them ${files}.`
    );
  }
  return (
    `To fix: set ${SPECS_DIR_ENV} to a folder holding the pinned upstream files ${files}, or set ` +
    `${SPECS_BASE_URL_ENV} to a reachable mirror with the <owner>/<repo>/<commit>/<path> layout, then run ` +
    `"${ENSURE_SPECS_COMMAND}".`
  );
}

/**
 * Reads one specification from where `locateSpecs` found them and checks it against its pinned checksum.
 * @param {SpecsLocation} location
 * @param {SpecEntry} entry
 * @returns {Buffer}
 * @throws when the file is missing or its bytes are not the pinned ones
 */
export function readSpec(location, entry) {
  const copy = inspectSpec(location.dir, entry);
  if ('problem' in copy) {
    throw new Error(`${copy.problem}\n${howToFix([entry], location.source)}`);
  }
  return copy.bytes;
}

/**
 * Reads one copy: its bytes when they are the pinned file, else what is wrong with it.
 * @param {string} dir
 * @param {SpecEntry} entry
 * @returns {{ bytes: Buffer } | { problem: string }}
 */
function inspectSpec(dir, entry) {
  const file = path.join(dir, entry.file);
  if (!fs.existsSync(file)) {
    return {
      problem: `API specification ${
        entry.file
      } is missing: there is no ${file}; ${describeExpected(entry)}.`,
    };
  }
  const bytes = fs.readFileSync(file);
  const actual = sha256(bytes);
  if (actual !== entry.sha256) {
    return {
      problem: `Checksum mismatch for API specification ${entry.file} at ${file}: expected SHA-256 ${entry.sha256}, got ${actual}.`,
    };
  }
  return { bytes };
}

/**
 * What is wrong with one copy, or undefined when it is the pinned file.
 * @param {string} dir
 * @param {SpecEntry} entry
 */
function checkSpec(dir, entry) {
  const copy = inspectSpec(dir, entry);
  return 'problem' in copy ? copy.problem : undefined;
}

/**
 * @param {string} dir
 * @param {SpecEntry[]} entries
 */
function holdsAll(dir, entries) {
  return entries.every(entry => fs.existsSync(path.join(dir, entry.file)));
}

/**
 * Where the specifications are, without touching the network or reading them: the folder named by
 * `DATAOPS_SPECS_DIR` when it is set (even if incomplete, so that a wrong setting fails loudly rather than
 * being bypassed), else `../shared/specs` beside the repository when it holds every file, else the download
 * cache when it does. Undefined when none applies.
 * @param {{ env: Record<string, string | undefined>, repoRoot: string, entries: SpecEntry[] }} options
 * @returns {SpecsLocation | undefined}
 */
export function locateSpecs({ env, repoRoot, entries }) {
  const fromEnv = env[SPECS_DIR_ENV];
  if (fromEnv) {
    return { dir: fromEnv, source: 'env' };
  }
  const { sharedDir, cacheDir } = defaultDirs(repoRoot);
  if (holdsAll(sharedDir, entries)) {
    return { dir: sharedDir, source: 'shared' };
  }
  if (holdsAll(cacheDir, entries)) {
    return { dir: cacheDir, source: 'cache' };
  }
  return undefined;
}

/**
 * The message for when `locateSpecs` finds nothing.
 * @param {string} repoRoot
 * @param {SpecEntry[]} entries
 */
export function specsNotFoundMessage(repoRoot, entries) {
  const { sharedDir, cacheDir } = defaultDirs(repoRoot);
  return (
    `The upstream API specifications for the contract tests were not found: ${SPECS_DIR_ENV} is not set, ` +
    `and neither ${sharedDir} nor the download cache ${cacheDir} holds all of them.\n${howToFix(
      entries,
    )}`
  );
}

/**
 * Makes sure every specification is available and intact, downloading into the cache when needed, in the
 * order of `locateSpecs`. A folder named by `DATAOPS_SPECS_DIR` or the shared folder is only verified, never
 * written to: a wrong file there is an error. A wrong file in the cache is downloaded again.
 * @param {object} options
 * @param {Record<string, string | undefined>} options.env
 * @param {string} options.repoRoot
 * @param {SpecEntry[]} options.entries
 * @param {(line: string) => void} [options.log]
 * @param {number} [options.timeoutMs] Per download.
 * @returns {Promise<SpecsLocation>}
 */
export async function ensureSpecs({
  env,
  repoRoot,
  entries,
  log = () => {},
  timeoutMs = DEFAULT_TIMEOUT_MS,
}) {
  const location = locateSpecs({ env, repoRoot, entries });
  if (location && location.source !== 'cache') {
    const problems = entries
      .map(entry => checkSpec(location.dir, entry))
      .filter(problem => problem !== undefined);
    const origin =
      location.source === 'env'
        ? `${SPECS_DIR_ENV}=${location.dir}`
        : location.dir;
    if (problems.length > 0) {
      throw new Error(
        [
          `The API specifications in ${origin} are missing or not the pinned ones:`,
          ...problems,
          howToFix(entries, location.source),
        ].join('\n'),
      );
    }
    log(
      `API specifications: using ${origin} (${entries.length} files, checksums verified)`,
    );
    return location;
  }

  const { cacheDir } = defaultDirs(repoRoot);
  const baseUrl = env[SPECS_BASE_URL_ENV] || DEFAULT_BASE_URL;
  const problems = [];
  let downloaded = 0;
  for (const entry of entries) {
    const target = path.join(cacheDir, entry.file);
    const problem = checkSpec(cacheDir, entry);
    if (!problem) {
      continue;
    }
    if (fs.existsSync(target)) {
      log(`${problem} Downloading it again.`);
      // Never leave known-bad bytes where the tests would find them, even if the download fails.
      fs.rmSync(target);
    }
    const url = specUrl(baseUrl, entry);
    try {
      await downloadVerified(url, target, entry, timeoutMs);
      downloaded += 1;
      log(`Downloaded ${entry.file} (${entry.size} bytes) from ${url}`);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (problems.length > 0) {
    throw new Error([...problems, howToFix(entries)].join('\n'));
  }
  log(
    `API specifications: using the download cache ${cacheDir} (${
      entries.length - downloaded
    } already there and verified, ${downloaded} downloaded)`,
  );
  return { dir: cacheDir, source: 'cache' };
}

/**
 * Downloads one file next to its target, checks its checksum, and only then renames it into place, so the
 * target is either absent or the pinned file.
 * @param {string} url
 * @param {string} target
 * @param {SpecEntry} entry
 * @param {number} timeoutMs
 */
async function downloadVerified(url, target, entry, timeoutMs) {
  const cannot = `Cannot download API specification ${entry.file} from ${url}`;
  /** @type {Response} */
  let response;
  /** @type {Buffer} */
  let bytes;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    bytes = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    throw new Error(
      `${cannot}: ${describeFetchError(error, timeoutMs)}; ${describeExpected(
        entry,
      )}.`,
    );
  }
  if (!response.ok) {
    throw new Error(
      `${cannot}: HTTP ${response.status} ${
        response.statusText
      }; ${describeExpected(entry)}.`,
    );
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  fs.writeFileSync(partial, bytes);
  const actual = sha256(fs.readFileSync(partial));
  if (actual !== entry.sha256) {
    fs.rmSync(partial);
    throw new Error(
      `Checksum mismatch for API specification ${entry.file} downloaded from ${url}: expected SHA-256 ` +
        `${entry.sha256}, got ${actual} (${bytes.length} bytes, expected ${entry.size}). It was not saved.`,
    );
  }
  fs.renameSync(partial, target);
}

/**
 * fetch reports network failures as a bare "fetch failed" with the reason in `cause`. Duck-typed because the
 * error can come from another realm (as under jest), where `instanceof Error` is false.
 * @param {unknown} error
 * @param {number} timeoutMs
 */
function describeFetchError(error, timeoutMs) {
  const { name, message, cause } =
    /** @type {{ name?: string, message?: string, cause?: { code?: string, message?: string } }} */ (
      typeof error === 'object' && error !== null ? error : {}
    );
  if (name === 'TimeoutError') {
    return `no complete answer within ${timeoutMs} ms`;
  }
  const detail = cause?.code ?? cause?.message;
  const summary = message ?? String(error);
  return detail ? `${summary} (${detail})` : summary;
}
