import { createRequire } from 'node:module';
import path from 'node:path';

/** A fresh prefix per run, so parallel or interrupted runs never share a database. */
export function databasePrefix(): string {
  return `dataops_adoption_${process.pid}_${Date.now()}_`;
}

/**
 * Drops the PostgreSQL databases the app's backend created (`<prefix><pluginId>`), with the `pg` client
 * the app installed. Does nothing when the app never got that far.
 */
export async function dropDatabases(
  appBackendDir: string,
  prefix: string,
): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(prefix)) {
    throw new Error(`unsafe database prefix '${prefix}'`);
  }
  let pg: any;
  try {
    pg = createRequire(path.join(appBackendDir, 'package.json'))('pg');
  } catch {
    return;
  }
  const client = new pg.Client({
    host: '127.0.0.1',
    port: 5432,
    user: 'postgres',
    database: 'postgres',
  });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}
