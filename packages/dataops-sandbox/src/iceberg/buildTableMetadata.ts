import { gauge } from '../prometheus';
import { hashString } from '../random';
import {
  Env,
  ICEBERG_TIMING,
  Scenario,
  ScenarioEntity,
  TROUBLE,
} from '../scenario';

const COMMIT_EVERY_S = ICEBERG_TIMING.commitEveryS;
const MIB = 1024 * 1024;

/**
 * The table as the catalog would hold it at `nowMs`, derived from the same closed-form functions the
 * `iceberg_table_*` series use (prometheus/generateSeries.ts), so exporter and catalog agree: snapshots pile
 * up between nightly expiries (150 on the bloated prod table), data files wobble around 1800, the last commit
 * is on the commit grid. The small-file share shows in `total-files-size` (small files 16 MiB, others 128).
 */
export function tableState(
  scenario: Scenario,
  entity: ScenarioEntity,
  env: Env,
  nowMs: number,
) {
  // The broken pipeline's table got its last commit when its DAG started failing.
  const upToMs = scenario.isBrokenPipeline('table', env, entity)
    ? Math.min(nowMs, scenario.brokenPipelineSinceMs)
    : nowMs;
  const nowS = Math.floor(upToMs / 1000);
  const lastCommitS = nowS - (nowS % COMMIT_EVERY_S);
  const bloat = scenario.is(TROUBLE.icebergBloat, env, entity);
  const snapshots = bloat
    ? TROUBLE.icebergBloat.snapshots
    : 12 + Math.floor((lastCommitS % 86400) / ICEBERG_TIMING.snapshotPileUpS);
  const dataFiles = Math.round(
    gauge(`${env}/${entity.name}/files`, 1800, 200, 7200)(lastCommitS * 1000),
  );
  const smallFiles = Math.round(
    dataFiles * (bloat ? TROUBLE.icebergBloat.smallFileRatio : 0.1),
  );
  return { snapshots, dataFiles, smallFiles, lastCommitMs: lastCommitS * 1000 };
}

/** A LoadTableResult (Iceberg REST spec) for the table. */
export function buildLoadTableResult(
  scenario: Scenario,
  entity: ScenarioEntity,
  env: Env,
  tableName: string,
  nowMs: number,
) {
  const state = tableState(scenario, entity, env, nowMs);
  const seed = hashString(`${env}/${tableName}`);
  const firstId = (seed % 1_000_000) * 1000;
  const location = `s3://${env}-lake/${tableName.replace('.', '/')}`;
  const snapshots = Array.from({ length: state.snapshots }, (_, i) => {
    const id = firstId + i;
    const current = i === state.snapshots - 1;
    return {
      'snapshot-id': id,
      ...(i > 0 ? { 'parent-snapshot-id': id - 1 } : {}),
      'sequence-number': i + 1,
      'timestamp-ms':
        state.lastCommitMs - (state.snapshots - 1 - i) * COMMIT_EVERY_S * 1000,
      'manifest-list': `${location}/metadata/snap-${id}.avro`,
      summary: {
        operation: 'append',
        ...(current
          ? {
              'added-data-files': String(1 + (seed % 7)),
              'total-data-files': String(state.dataFiles),
              'total-delete-files': '0',
              'total-records': String(state.dataFiles * 250_000),
              'total-files-size': String(
                state.smallFiles * 16 * MIB +
                  (state.dataFiles - state.smallFiles) * 128 * MIB,
              ),
            }
          : {}),
      },
      'schema-id': 0,
    };
  });
  const currentId = snapshots[snapshots.length - 1]['snapshot-id'];
  return {
    'metadata-location': `${location}/metadata/${String(
      state.snapshots,
    ).padStart(5, '0')}.metadata.json`,
    metadata: {
      'format-version': 2,
      'table-uuid': `00000000-0000-4000-8000-${seed
        .toString(16)
        .padStart(12, '0')
        .slice(-12)}`,
      location,
      'last-updated-ms': state.lastCommitMs,
      'last-column-id': 3,
      schemas: [
        {
          type: 'struct',
          'schema-id': 0,
          fields: [
            { id: 1, name: 'id', type: 'long', required: true },
            { id: 2, name: 'event_time', type: 'timestamptz', required: true },
            { id: 3, name: 'payload', type: 'string', required: false },
          ],
        },
      ],
      'current-schema-id': 0,
      'partition-specs': [
        {
          'spec-id': 0,
          fields: [
            {
              name: 'event_day',
              transform: 'day',
              'source-id': 2,
              'field-id': 1000,
            },
          ],
        },
      ],
      'default-spec-id': 0,
      'last-partition-id': 1000,
      'sort-orders': [{ 'order-id': 0, fields: [] }],
      'default-sort-order-id': 0,
      properties: { 'write.format.default': 'parquet' },
      'current-snapshot-id': currentId,
      'last-sequence-number': state.snapshots,
      snapshots,
      refs: { main: { type: 'branch', 'snapshot-id': currentId } },
      'snapshot-log': snapshots.map(s => ({
        'snapshot-id': s['snapshot-id'],
        'timestamp-ms': s['timestamp-ms'],
      })),
      'metadata-log': [],
    },
    config: {},
  };
}
