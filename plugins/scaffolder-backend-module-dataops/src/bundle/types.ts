import type {
  LabelMatcher,
  ProfileSelection,
  StorageRef,
} from '@dataops-observability/plugin-dataops-common';

/** Workload types the onboarding supports (docs/api.md, "Entities"). @public */
export type WorkloadType = 'spark-job' | 'airflow-dag' | 'iceberg-table';

/** Threshold overrides of the layer alerts; each applies to some workload types only. @public */
export interface LayerThresholds {
  /** Container restarts within 1h (layer 2, default 3). */
  restarts?: number;
  /** CPU use against the container limit, percent (layer 3, default 85). */
  cpuPercent?: number;
  /** Memory working set against the container limit, percent (layer 3, default 90). */
  memoryPercent?: number;
  /** Failed Spark application runs over 1h, percent (layer 4, default 5). */
  jobFailurePercent?: number;
  /** Share of wall time spent in JVM GC, percent (layer 4, default 20). */
  gcTimePercent?: number;
  /** DAG runs that succeeded over 1d, percent; alert below it (layer 4, default 95). */
  dagSuccessPercent?: number;
  /** Scheduler delay of DAG runs (P99 of the statsd summary), seconds (layer 4, default 30). */
  schedulerLagSeconds?: number;
  /** Live snapshots of the table (layer 5, default 100). */
  snapshotCount?: number;
  /** Small data files among all data files, percent (layer 5, default 30). */
  smallFilePercent?: number;
}

/** A validated, defaulted description of one workload's monitoring bundle. @public */
export interface MonitoringBundleSpec {
  /** Ref of the monitored entity, normalised. */
  entityRef: string;
  /** Kind of workload. */
  type: WorkloadType;
  /** Base name of the generated resources (DNS-1123 label). */
  name: string;
  /** Kubernetes namespace the workload runs in and the resources are deployed to. */
  namespace: string;
  /** Owning group ref, e.g. `group:default/sales-data`. */
  owner: string;
  /** Environments the bundle is rendered for, without duplicates. */
  environments: string[];
  /** SLO objective in percent. */
  sloObjective: number;
  /** SLO period, e.g. `30d`. */
  sloWindow: string;
  /** Matchers injected into every alert query. */
  matchers: LabelMatcher[];
  /** Label selector of the ServiceMonitor/PodMonitor. */
  monitorLabels: Record<string, string>;
  /** Spark app name, DAG id or table name. */
  identity: string;
  /** Every layer threshold, defaults filled in. */
  thresholds: Required<LayerThresholds>;
  /**
   * Exporter profiles of the environments the bundle is for (docs/metrics-catalogue.md); the default stack
   * when absent. Workload alerts read the same series as the entity's Metrics and SLO tabs.
   */
  profile?: ProfileSelection;
  /** OpenSearch index pattern of the workload's logs. */
  logIndex: string;
  /** Age in days at which log indices move from hot to cold nodes. */
  logHotDays: number;
  /** Age in days at which log indices are deleted. */
  logRetentionDays: number;
  /** Extra metadata labels, e.g. what the operator's ruleSelector matches. */
  resourceLabels: Record<string, string>;
  /** Workspace-relative folder of the bundle. */
  directory: string;
  /** Storage the workload declares (`dataops.io/storage`); each item gets the storage alerts of its kind. */
  storage: StorageRef[];
  /** Run-time SLA in seconds per environment (`dataops.io/run-sla` and its `.<env>` overrides). */
  runSla: ReadonlyMap<string, number>;
  /** `dataops.io/run-sla` values as given: the default (empty when none) and per-environment overrides. */
  runSlaText: { default: string; byEnvironment: ReadonlyMap<string, string> };
  /** The workload's own Argo CD application, when the entity names one (`argocd/app-name`). */
  argocdAppName?: string;
  /** Where the Argo CD Applications of the bundle sync from and to; absent: no Applications rendered. */
  argocd?: ArgoApplicationSettings;
}

/** Source and destination of the bundle's Argo CD Applications. @public */
export interface ArgoApplicationSettings {
  /** Git URL of the GitOps repository that holds the bundle. */
  repoUrl: string;
  /** Branch, tag or commit Argo CD syncs; default `HEAD`. */
  revision: string;
  /** Argo CD project; default `default`. */
  project: string;
  /** Namespace of the Argo CD installation; default `argocd`. */
  namespace: string;
  /** Cluster API server the bundle is applied to; default the cluster Argo CD runs in. */
  server: string;
}

/** One generated file: workspace-relative path and content. @public */
export interface GeneratedFile {
  /** Workspace-relative path of the file. */
  path: string;
  /** Full text of the file. */
  content: string;
}
