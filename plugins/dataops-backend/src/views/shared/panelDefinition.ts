import type { Thresholds } from '@dataops-observability/plugin-dataops-common';

/** A panel before it runs: a PromQL template, thresholds from docs/platform-rules.md, an optional fallback. */
export interface PanelDefinition {
  id: string;
  title: string;
  unit: string;
  description?: string;
  /** `${dag_id}`, `${table}`, `${spark_app}` are identity placeholders; entity matchers are injected. */
  query: string;
  fallbackQuery?: string;
  thresholds?: Thresholds;
}
