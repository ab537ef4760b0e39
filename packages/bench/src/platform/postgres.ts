import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PSQL_ARGS = [
  '-h',
  '127.0.0.1',
  '-U',
  'postgres',
  '-d',
  'postgres',
  '-At',
  '-c',
];

/**
 * Drops the databases Backstage created for a benchmark run (`<prefix><pluginId>`), with psql, so repeated
 * runs leave nothing behind. The prefix is made of letters, digits and underscores only.
 */
export async function dropDatabases(prefix: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(prefix)) {
    throw new Error(`unsafe database prefix '${prefix}'`);
  }
  const { stdout } = await run('psql', [
    ...PSQL_ARGS,
    `SELECT datname FROM pg_database WHERE datname LIKE '${prefix}%'`,
  ]);
  for (const name of stdout.split('\n').filter(Boolean)) {
    await run('psql', [
      ...PSQL_ARGS,
      `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`,
    ]);
  }
}
