// @ts-check

/**
 * One row per firing of an alert for one entity. Times are unix milliseconds in bigint columns, which
 * behave the same on SQLite and PostgreSQL (no time zone or driver date conversions).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('dataops_alert_episodes', table => {
    table.comment('Alert episodes recorded by the dataops alert poller');
    table.bigIncrements('id').primary();
    table.string('env', 63).notNullable();
    table.string('fingerprint', 64).notNullable();
    table.string('alertname', 255).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('owner', 255).notNullable();
    table.string('priority', 2).notNullable();
    table.string('severity', 63).notNullable();
    table.bigInteger('fired_at').notNullable();
    table.bigInteger('resolved_at').nullable();
    table.bigInteger('last_seen_at').notNullable();
    table.index(['env', 'resolved_at'], 'dataops_alert_episodes_open_idx');
    table.index(['owner', 'fired_at'], 'dataops_alert_episodes_owner_idx');
    table.index(
      ['entity_ref', 'fired_at'],
      'dataops_alert_episodes_entity_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dataops_alert_episodes');
};
