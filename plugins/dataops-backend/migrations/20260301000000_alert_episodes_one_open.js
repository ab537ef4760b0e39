// @ts-check

const TABLE = 'dataops_alert_episodes';
const INDEX = 'dataops_alert_episodes_one_open_idx';

/**
 * At most one open episode per alert (fingerprint) and entity in an environment. Two pollers whose
 * transactions overlap (backend replicas whose scheduler lock expired, or a poll outliving its timeout) both
 * read "no open episode" and both insert one; the database, not the poller, has to refuse the second. A
 * partial unique index leaves resolved history alone: an alert may fire, resolve and fire again.
 *
 * Open duplicates recorded before this index existed are removed first, keeping the oldest row, which is
 * the one the first poll opened.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const duplicates = knex(`${TABLE} as later`)
    .select('later.id')
    .whereNull('later.resolved_at')
    .whereExists(
      knex(`${TABLE} as earlier`)
        .select(knex.raw('1'))
        .whereNull('earlier.resolved_at')
        .whereRaw('earlier.env = later.env')
        .whereRaw('earlier.fingerprint = later.fingerprint')
        .whereRaw('earlier.entity_ref = later.entity_ref')
        .whereRaw('earlier.id < later.id'),
    );
  const ids = (await duplicates).map(row => row.id);
  for (let i = 0; i < ids.length; i += 500) {
    await knex(TABLE)
      .whereIn('id', ids.slice(i, i + 500))
      .delete();
  }
  // Knex's index builder cannot add a WHERE clause on every dialect; PostgreSQL and SQLite, the databases
  // the plugin runs on, share this syntax.
  await knex.raw(
    `CREATE UNIQUE INDEX ${INDEX} ON ${TABLE} (env, fingerprint, entity_ref) WHERE resolved_at IS NULL`,
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.raw(`DROP INDEX ${INDEX}`);
};
