/**
 * The parts of the platform an exporter covers. Panels, storage checks and SLI templates each read one
 * layer, so an environment can mix exporters (Spark standalone next to MinIO v3, say).
 * @public
 */
export const PROFILE_LAYERS = [
  'spark',
  'kubernetes',
  'airflow',
  'iceberg',
  's3',
  'hive',
  'oracle',
  'ceph',
] as const;

/** One of {@link PROFILE_LAYERS}. @public */
export type ProfileLayer = (typeof PROFILE_LAYERS)[number];

/** Prometheus metric types as the exporter declares them. @public */
export type ExporterSeriesType =
  | 'counter'
  | 'gauge'
  | 'histogram'
  | 'summary'
  | 'untyped';

/** One series family an exporter publishes, named exactly as it appears in Prometheus. @public */
export interface ExporterSeries {
  /** Metric name as scraped (for summaries and histograms the base name; `_sum`/`_count`/`_bucket` follow). */
  name: string;
  /** Metric type, as the exporter's `# TYPE` line declares it. */
  type: ExporterSeriesType;
  /**
   * Labels the exporter itself sets. Scrape-time target labels (`namespace`, `pod`, and whatever the
   * entity's `dataops.io/prometheus-selector` names) come from the Prometheus scrape configuration.
   */
  labels: string[];
  /** What the series measures. */
  help: string;
}

/** How sure we are that the names are the exporter's own. @public */
export type ProfileEvidence =
  /** Read in the exporter's source or configuration file at the cited version. */
  | 'source'
  /** Read in the exporter's official documentation at the cited version. */
  | 'docs'
  /** Derived from the application's metric names and the exporter's documented default naming rule. */
  | 'derived'
  /** The suite's own exporter: the names are a contract we define. */
  | 'contract';

/** Where the names come from, for docs/metrics-catalogue.md. @public */
export interface ProfileSource {
  /** Upstream project, e.g. `kubeflow/spark-operator`. */
  project: string;
  /** Version, tag or commit the names were read at. */
  version: string;
  /** File or page the names were read in. */
  reference: string;
  /** How the names were verified. */
  evidence: ProfileEvidence;
}

/** The SLI event counters of a profile (see the common SLI templates). @public */
export interface ProfileSli {
  /** Stable id, the `slo` label of recorded series. */
  id: string;
  /** The SLI's name as shown on the SLO tab. */
  name: string;
  /** What counts as a good event, in words. */
  description: string;
  /** Counters whose increase is the good events. */
  goodEvents: string[];
  /** Counters whose increase is all events. */
  totalEvents: string[];
}

/**
 * What one real exporter publishes for one layer, and the PromQL templates the suite runs against it.
 * `queries` are keyed by panel or storage-check id (docs/panels.md, docs/storage.md); a panel or check whose
 * id the profile does not answer is left out for entities using this profile rather than shown with
 * another signal in its place.
 * @public
 */
export interface ExporterProfile {
  /** Stable id used in configuration, e.g. `minio-v2`. */
  id: string;
  /** The layer the profile covers. */
  layer: ProfileLayer;
  /** The exporter, in words, e.g. `MinIO server, metrics v2 (bucket endpoint)`. */
  exporter: string;
  /** Where its names were read, with the version. */
  sources: ProfileSource[];
  /** What the platform must configure for these names to appear (scrape labels, exporter flags...). */
  requirements?: string[];
  /** Every series family the profile's queries read. */
  series: ExporterSeries[];
  /** PromQL template per panel or check id; placeholders as in the panel and check templates. */
  queries: Record<string, string>;
  /** Fallback query per panel id, shown to the user as the configured fallback. */
  fallbacks?: Record<string, string>;
  /** Unit shown for a query when it differs from the panel's default. */
  units?: Record<string, string>;
  /** Title shown for a query when the exporter measures something narrower (e.g. `P99` from a summary). */
  titles?: Record<string, string>;
  /** SLI template for entities of this layer, when the exporter publishes event counters. */
  sli?: ProfileSli;
}

/** The profile chosen for every layer. @public */
export type ProfileSelection = Record<ProfileLayer, string>;
