import type { UpstreamErrorType } from './types';

/** What reads series: a metrics panel, a storage check or an SLI. @public */
export type InventoryConsumerKind = 'panel' | 'storage-check' | 'sli';

/** One panel, storage check or SLI of the metric inventory, with which of its series exist. @public */
export interface InventoryConsumer {
  /** Whether it is a metrics panel, a storage check or an SLI. */
  kind: InventoryConsumerKind;
  /** Panel, check or SLI id. */
  id: string;
  /** The name people see, as on the tab. */
  title: string;
  /** Entity type for panels and SLIs; storage kind (`s3`, `ceph`, ...) for storage checks. */
  scope: string;
  /** Metric names exactly as queried, and whether any series of each exists in the environment. */
  series: Array<{ name: string; found: boolean }>;
  /** Entity refs whose page shows this panel, check or SLI as not collected in the environment. */
  notCollectedEntities: string[];
}

/** The metric inventory of one environment. @public */
export type InventoryEnvironment =
  | {
      env: string;
      status: 'ok';
      /** Exporter profile id per layer (docs/metrics-catalogue.md). */
      profile: Record<string, string>;
      /** Window in which a series counted as existing, unix seconds. */
      checkedRange: { from: number; to: number };
      consumers: InventoryConsumer[];
      /** Series some consumer needs that do not exist, sorted. */
      missing: string[];
      warnings: string[];
    }
  | { env: string; status: 'not-configured'; source: string }
  | {
      env: string;
      status: 'error';
      error: { type: UpstreamErrorType; source: string; message: string };
    };

/** `GET /v1/inventory`. @public */
export interface InventoryResponse {
  /** Entity types covered. */
  entityTypes: string[];
  /** One inventory per environment asked for. */
  environments: InventoryEnvironment[];
}
