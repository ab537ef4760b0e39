import type { ExporterProfile } from './types';

const table = ['namespace', 'table'];

/**
 * Iceberg has no Prometheus exporter of its own; the platform runs a small exporter that reads table metadata
 * every 5 minutes. Its names are a contract the suite defines (docs/metrics-catalogue.md). Where an Iceberg
 * REST catalog is configured, the storage view reads the table statistics from it instead.
 */
export const ICEBERG_TABLE_EXPORTER: ExporterProfile = {
  id: 'iceberg-table-exporter',
  layer: 'iceberg',
  exporter: 'platform Iceberg table exporter (metadata reader, 5 min)',
  sources: [
    {
      project: 'this suite',
      version: 'contract of docs/metrics-catalogue.md',
      reference: 'Iceberg tables section',
      evidence: 'contract',
    },
  ],
  series: [
    {
      name: 'iceberg_table_snapshots',
      type: 'gauge',
      labels: table,
      help: 'live snapshots',
    },
    {
      name: 'iceberg_table_data_files',
      type: 'gauge',
      labels: table,
      help: 'data files in the current snapshot',
    },
    {
      name: 'iceberg_table_small_files',
      type: 'gauge',
      labels: table,
      help: 'data files under the small-file size',
    },
    {
      name: 'iceberg_table_metadata_bytes',
      type: 'gauge',
      labels: table,
      help: 'size of metadata files',
    },
    {
      name: 'iceberg_table_commits_total',
      type: 'counter',
      labels: [...table, 'on_time'],
      help: 'commits, and whether they landed within the freshness target',
    },
    {
      name: 'iceberg_table_last_commit_timestamp_seconds',
      type: 'gauge',
      labels: table,
      help: 'time of the last commit',
    },
  ],
  queries: {
    'snapshot-count': 'max(iceberg_table_snapshots{table="${table}"})',
    'small-file-ratio':
      '100 * max(iceberg_table_small_files{table="${table}"}) / max(iceberg_table_data_files{table="${table}"})',
    'metadata-size': 'max(iceberg_table_metadata_bytes{table="${table}"})',
    commits: 'sum(increase(iceberg_table_commits_total{table="${table}"}[1h]))',
    'iceberg-snapshots': 'max(iceberg_table_snapshots{table="${table}"})',
    'iceberg-small-files':
      '100 * max(iceberg_table_small_files{table="${table}"}) / max(iceberg_table_data_files{table="${table}"})',
    'iceberg-metadata-size':
      'max(iceberg_table_metadata_bytes{table="${table}"})',
    'iceberg-data-files': 'max(iceberg_table_data_files{table="${table}"})',
    'iceberg-last-commit-age':
      'time() - max(iceberg_table_last_commit_timestamp_seconds{table="${table}"})',
  },
  sli: {
    id: 'iceberg-commit-freshness',
    name: 'Commits on time',
    description:
      'Commits that landed within the freshness target / all commits',
    goodEvents: [
      'iceberg_table_commits_total{table="${icebergTable}",on_time="true"}',
    ],
    totalEvents: ['iceberg_table_commits_total{table="${icebergTable}"}'],
  },
};
