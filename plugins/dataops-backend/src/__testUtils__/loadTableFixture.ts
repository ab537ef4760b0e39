/**
 * Test fixture: a `loadTable` answer (LoadTableResult of the Iceberg REST spec) with `count` snapshots taken
 * `intervalMs` apart up to `lastCommitMs`, the last one current and carrying `summary`. Tests check it
 * against the specification before using it.
 */
export function loadTableFixture(options: {
  count: number;
  summary?: Record<string, string>;
  lastCommitMs?: number;
  intervalMs?: number;
}) {
  const { count, summary = {} } = options;
  const interval = options.intervalMs ?? 600_000;
  const last = options.lastCommitMs ?? 1767225600000 + (count - 1) * interval;
  const snapshots = Array.from({ length: count }, (_, i) => ({
    'snapshot-id': 1000 + i,
    ...(i > 0 ? { 'parent-snapshot-id': 999 + i } : {}),
    'sequence-number': i + 1,
    'timestamp-ms': last - (count - 1 - i) * interval,
    'manifest-list': `s3://lake/t/metadata/snap-${1000 + i}.avro`,
    summary: { operation: 'append', ...(i === count - 1 ? summary : {}) },
    'schema-id': 0,
  }));
  return {
    'metadata-location': `s3://lake/t/metadata/${count}.metadata.json`,
    metadata: {
      'format-version': 2,
      'table-uuid': '2f7e1c9a-0000-4000-8000-000000000001',
      location: 's3://lake/t',
      'last-updated-ms': last,
      'last-column-id': 1,
      schemas: [
        {
          type: 'struct',
          'schema-id': 0,
          fields: [{ id: 1, name: 'id', type: 'long', required: true }],
        },
      ],
      'current-schema-id': 0,
      'partition-specs': [{ 'spec-id': 0, fields: [] }],
      'default-spec-id': 0,
      'last-partition-id': 999,
      'sort-orders': [{ 'order-id': 0, fields: [] }],
      'default-sort-order-id': 0,
      properties: {},
      'current-snapshot-id': count ? 999 + count : -1,
      'last-sequence-number': count,
      snapshots,
      refs: count
        ? { main: { type: 'branch', 'snapshot-id': 999 + count } }
        : {},
      'snapshot-log': snapshots.map(s => ({
        'snapshot-id': s['snapshot-id'],
        'timestamp-ms': s['timestamp-ms'],
      })),
      'metadata-log': [],
    },
    config: {},
  };
}
