import type { Config } from '@backstage/config';
import type {
  PriorityMapping,
  ProfileSelection,
  SliTemplate,
  SloPolicyInput,
  Thresholds,
} from '@dataops-observability/plugin-dataops-common';

/**
 * The plugin-wide settings of one `dataops.environments[]` item. Each source (thanos, opensearch, ...)
 * reads its own key of `raw`; see `src/sources`.
 */
export interface EnvironmentConfig {
  name: string;
  timeoutMs: number;
  /** Largest upstream answer read before the call fails (see config.d.ts). */
  maxResponseBytes: number;
  /** Exporter profiles of this environment (config `profile`); absent means the default stack. */
  profile?: EnvironmentProfile;
  /** Newest sample older than this is `stale` (config `staleAfterSeconds`); absent means 600. */
  staleAfterSeconds?: number;
  /** The raw item, for sources and for views added by modules. */
  raw: Config;
}

/** The exporter profile per layer of one environment, with per entity type overrides applied on demand. */
export interface EnvironmentProfile {
  layers: ProfileSelection;
  forEntityType(entityType: string): ProfileSelection;
}

export interface PanelOverride {
  id: string;
  title?: string;
  unit?: string;
  description?: string;
  query?: string;
  fallbackQuery?: string;
  thresholds?: Thresholds;
}

/** Override of one storage check (see views/storage/defaultChecks.ts). */
export interface StorageCheckOverride {
  title?: string;
  unit?: string;
  query?: string;
  thresholds?: Thresholds;
  enabled?: boolean;
}

export interface StorageSettings {
  /** Spark catalog name used in the CALL statements of Iceberg advice. */
  sparkCatalog: string;
  /** Freshness target of Iceberg tables: last commit older than this is a warning, twice it critical. */
  freshnessTargetSeconds: number;
  checks: Record<string, StorageCheckOverride>;
}

export interface DataOpsConfig {
  environments: EnvironmentConfig[];
  storage: StorageSettings;
  /** Severity to priority, and the priority of unknown severities (see `alertPriority`). */
  priorities: PriorityMapping;
  hiddenAlerts: string[];
  panels: Record<string, PanelOverride[]>;
  cacheTtlSeconds: Record<string, number>;
  slo: SloConfig;
}

/** `dataops.slo`, validated. */
export interface SloConfig {
  useRecordingRules: boolean;
  /** Only the fields configured; the rest come from the default policy. */
  policy: SloPolicyInput;
  /** SLI templates by entity type, replacing the defaults of those types. */
  templates: Record<string, SliTemplate>;
}
