import {
  DEFAULT_PROFILE_SELECTION,
  ProfileSelection,
  renderQuery,
  selectedProfile,
  StorageKind,
  StorageRef,
} from '@dataops-observability/plugin-dataops-common';
import type { AlertingRule } from '@dataops-observability/plugin-dataops-rules';
import type { MonitoringBundleSpec } from './types';

/** Warning and critical thresholds of one storage check; a side left out raises no alert. @public */
export interface StorageAlertThresholds {
  /** Whether a value above or below the thresholds is bad. */
  direction: 'above' | 'below';
  /** Value past which the check warns. */
  warning?: number;
  /** Value past which the check is critical. */
  critical?: number;
}

/** What `dataops.storage.checks.<id>` may change of a check's alert. @public */
export interface StorageCheckSettings {
  /** Another PromQL template (identity placeholders as in docs/storage.md). */
  query?: string;
  /** Thresholds replacing the defaults. */
  thresholds?: StorageAlertThresholds;
  /** `false` leaves the check, and its alerts, out. */
  enabled?: boolean;
}

interface StorageAlertDefinition {
  /** Check id of the Storage tab (docs/storage.md), the key of `dataops.storage.checks`. */
  id: string;
  kind: StorageKind;
  /** Alert name; the severity label tells warning and critical apart. */
  alert: string;
  unit: string;
  thresholds?: StorageAlertThresholds;
  summary: string;
}

/**
 * The Storage tab's checks of `dataops.io/storage` kinds and their default thresholds (docs/storage.md; the
 * storage view of the DataOps backend uses the same ids and values). Checks without a default threshold
 * become alerts only where the configuration gives them one.
 */
const DEFINITIONS: StorageAlertDefinition[] = [
  {
    id: 's3-get-latency',
    kind: 's3',
    alert: 'StorageS3GetLatencyHigh',
    unit: 'ms',
    thresholds: { direction: 'above', warning: 100 },
    summary:
      'GET latency P95 of bucket {{ $labels.storage }} is {{ $value | humanize }} ms',
  },
  {
    id: 's3-put-latency',
    kind: 's3',
    alert: 'StorageS3PutLatencyHigh',
    unit: 'ms',
    thresholds: { direction: 'above', warning: 100 },
    summary:
      'PUT latency P95 of bucket {{ $labels.storage }} is {{ $value | humanize }} ms',
  },
  {
    id: 's3-error-rate',
    kind: 's3',
    alert: 'StorageS3ErrorRateHigh',
    unit: '%',
    thresholds: { direction: 'above', warning: 0.1, critical: 1 },
    summary:
      '{{ $value | humanize }}% of the requests to bucket {{ $labels.storage }} fail',
  },
  {
    id: 's3-capacity',
    kind: 's3',
    alert: 'StorageS3CapacityHigh',
    unit: '%',
    thresholds: { direction: 'above', warning: 80, critical: 85 },
    summary:
      'bucket {{ $labels.storage }} uses {{ $value | humanize }}% of its quota',
  },
  {
    id: 'hive-response-time',
    kind: 'hive',
    alert: 'StorageHiveMetastoreSlow',
    unit: 's',
    thresholds: { direction: 'above', warning: 1 },
    summary:
      'Hive metastore {{ $labels.storage }} answers in {{ $value | humanize }} s (P99)',
  },
  {
    id: 'hive-connection-pool',
    kind: 'hive',
    alert: 'StorageHiveConnectionPoolHigh',
    unit: '%',
    thresholds: { direction: 'above', warning: 80 },
    summary:
      'Hive metastore {{ $labels.storage }} uses {{ $value | humanize }}% of its connection pool',
  },
  {
    id: 'oracle-tablespace',
    kind: 'oracle',
    alert: 'StorageOracleTablespaceHigh',
    unit: '%',
    thresholds: { direction: 'above', warning: 85, critical: 90 },
    summary:
      'tablespace {{ $labels.storage }} is {{ $value | humanize }}% full',
  },
  {
    id: 'oracle-connection-pool',
    kind: 'oracle',
    alert: 'StorageOracleConnectionPoolHigh',
    unit: '%',
    thresholds: { direction: 'above', warning: 90 },
    summary:
      'Oracle {{ $labels.storage }} uses {{ $value | humanize }}% of its sessions',
  },
  {
    id: 'oracle-query-duration',
    kind: 'oracle',
    alert: 'StorageOracleQueriesSlow',
    unit: 's',
    thresholds: { direction: 'above', warning: 5 },
    summary:
      'Oracle {{ $labels.storage }} queries take {{ $value | humanize }} s (P99)',
  },
  {
    id: 'ceph-health',
    kind: 'ceph',
    alert: 'StorageCephUnhealthy',
    unit: 'ceph-health',
    thresholds: { direction: 'above', warning: 0, critical: 1 },
    summary: 'Ceph reports health status {{ $value }} (1 warning, 2 error)',
  },
  {
    id: 'ceph-pool-capacity',
    kind: 'ceph',
    alert: 'StorageCephPoolCapacityHigh',
    unit: '%',
    thresholds: { direction: 'above', warning: 80, critical: 85 },
    summary: 'Ceph pool {{ $labels.storage }} is {{ $value | humanize }}% full',
  },
  {
    id: 'ceph-cluster-capacity',
    kind: 'ceph',
    alert: 'StorageCephClusterCapacityHigh',
    unit: '%',
    thresholds: { direction: 'above', warning: 80, critical: 85 },
    summary: 'the Ceph cluster is {{ $value | humanize }}% full',
  },
];

/** Check ids `dataops.storage.checks` may configure for alerts. @public */
export const STORAGE_ALERT_CHECK_IDS: readonly string[] = DEFINITIONS.map(
  d => d.id,
);

/** The placeholder each kind's name fills in the profile queries (docs/metrics-catalogue.md). */
const PLACEHOLDER: Record<StorageKind, string> = {
  s3: 'bucket',
  hive: 'metastore',
  oracle: 'tablespace',
  ceph: 'pool',
};

/*
 * Priorities after docs/platform-rules.md: a storage system past its critical line starves every job that
 * reads it (resource shortage, P2); past the warning line it is a capacity warning (P4).
 */
const PRIORITY = { critical: 'P2', warning: 'P4' } as const;

function comparison(direction: 'above' | 'below'): '>' | '<' {
  return direction === 'above' ? '>' : '<';
}

/**
 * Alerting rules for the storage the workload declares in `dataops.io/storage`, one per check and severity
 * that has a threshold, reading the series of the environment's exporter profile like the Storage tab does.
 * The workload's matchers are not injected: storage series come from the storage systems' exporters, not
 * from the workload's namespace. `settings` are the `dataops.storage.checks` overrides of the configuration.
 * @public
 */
export function buildStorageAlerts(
  spec: MonitoringBundleSpec,
  env: string,
  settings: ReadonlyMap<string, StorageCheckSettings> = new Map(),
): AlertingRule[] {
  const profile: Readonly<ProfileSelection> =
    spec.profile ?? DEFAULT_PROFILE_SELECTION;
  return spec.storage.flatMap((ref: StorageRef) =>
    DEFINITIONS.filter(d => d.kind === ref.kind).flatMap(d => {
      const override = settings.get(d.id) ?? {};
      const query =
        override.query ?? selectedProfile(profile, d.kind).queries[d.id];
      const thresholds = override.thresholds ?? d.thresholds;
      if (override.enabled === false || !query || !thresholds) {
        return [];
      }
      const expr = `(${renderQuery(query, {
        matchers: [],
        identity: { [PLACEHOLDER[d.kind]]: ref.name },
      })})`;
      const severities = (['critical', 'warning'] as const).filter(
        s => thresholds[s] !== undefined,
      );
      return severities.map(severity => {
        const threshold = thresholds[severity]!;
        // The warning stops where the critical alert starts, so one problem pages once.
        const below =
          severity === 'warning' && thresholds.critical !== undefined
            ? ` and ${expr} ${thresholds.direction === 'above' ? '<=' : '>='} ${
                thresholds.critical
              }`
            : '';
        const rule: AlertingRule = {
          alert: d.alert,
          expr: `${expr} ${comparison(
            thresholds.direction,
          )} ${threshold}${below}`,
          for: '10m',
          labels: {
            severity,
            priority: PRIORITY[severity],
            owner: spec.owner,
            backstage_entity: spec.entityRef,
            env,
            layer: '5',
            storage: `${ref.kind}:${ref.name}`,
            check: d.id,
          },
          annotations: {
            summary: `${spec.entityRef} in ${env}: ${d.summary}`,
            runbook: `Open the Storage tab of ${spec.entityRef} in Backstage.`,
          },
        };
        return rule;
      });
    }),
  );
}
