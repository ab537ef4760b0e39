import type {
  LabelMatcher,
  QueryIdentity,
  SliTemplate,
  SloPolicyInput,
} from '@dataops-observability/plugin-dataops-common';

/** Everything the generator needs to know about one entity's SLO in one environment. @public */
export interface SloRulesInput {
  /** Entity ref, e.g. `component:default/daily-sales-etl`; becomes the `backstage_entity` label. */
  entityRef: string;
  /** Owning group ref, e.g. `group:default/sales-data`; becomes the `owner` label alerts route on. */
  owner: string;
  /** Entity `spec.type`; picks the default SLI template. */
  entityType: string;
  /** SLI template; defaults to the one for `entityType`. */
  template?: SliTemplate;
  /** Values of the template's `${placeholders}`, e.g. `{ sparkAppName: 'daily-sales-etl' }`. */
  identity: QueryIdentity;
  /** Objective in percent; overrides the policy's. */
  objective?: number;
  /** SLO period such as `30d`; overrides the policy's. */
  period?: string;
  /** The entity's label matchers: `dataops.io/prometheus-selector` text or parsed matchers. */
  matchers?: string | LabelMatcher[];
  /** Environment name; becomes the `env` label. */
  env: string;
  policy?: SloPolicyInput;
  /** Link placed in the alerts' `runbook` annotation. */
  runbookUrl?: string;
  /** Evaluation interval of the generated group; default `1m`. */
  interval?: string;
}

/** A Prometheus recording rule. @public */
export interface RecordingRule {
  record: string;
  expr: string;
  labels: Record<string, string>;
}

/** A Prometheus alerting rule. @public */
export interface AlertingRule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** A Prometheus rule group. @public */
export interface RuleGroup {
  name: string;
  interval?: string;
  rules: Array<RecordingRule | AlertingRule>;
}

/** The groups of a Prometheus rules file (`groups:` at top level). @public */
export interface RulesFile {
  groups: RuleGroup[];
}
