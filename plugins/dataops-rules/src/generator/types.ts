import type {
  LabelMatcher,
  ProfileSelection,
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
  /** SLI template; defaults to the one the exporter `profile` publishes for `entityType`. */
  template?: SliTemplate;
  /**
   * Exporter profiles of the environment the rules are for (the default stack when absent), so the
   * generated rules read the same counters as the SLO tab (docs/metrics-catalogue.md).
   */
  profile?: Readonly<ProfileSelection>;
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
  /** SLO policy overrides; unset fields take the defaults. */
  policy?: SloPolicyInput;
  /** Link placed in the alerts' `runbook` annotation. */
  runbookUrl?: string;
  /** Evaluation interval of the generated group; default `1m`. */
  interval?: string;
}

/** A Prometheus recording rule. @public */
export interface RecordingRule {
  /** Name of the series the rule records. */
  record: string;
  /** PromQL expression evaluated each interval. */
  expr: string;
  /** Labels added to the recorded series. */
  labels: Record<string, string>;
}

/** A Prometheus alerting rule. @public */
export interface AlertingRule {
  /** Alert name (`alertname`). */
  alert: string;
  /** PromQL expression; the alert is pending while it returns series. */
  expr: string;
  /** How long the expression must hold before the alert fires, e.g. `2m`. */
  for?: string;
  /** Labels added to the alert, used by Alertmanager routing. */
  labels: Record<string, string>;
  /** Annotations of the alert, such as `summary` and `runbook`. */
  annotations: Record<string, string>;
}

/** A Prometheus rule group. @public */
export interface RuleGroup {
  /** Group name, unique within the rules file. */
  name: string;
  /** Evaluation interval of the group; Prometheus' global interval when absent. */
  interval?: string;
  /** The group's rules, evaluated in order. */
  rules: Array<RecordingRule | AlertingRule>;
}

/** The groups of a Prometheus rules file (`groups:` at top level). @public */
export interface RulesFile {
  /** The rule groups of the file. */
  groups: RuleGroup[];
}
