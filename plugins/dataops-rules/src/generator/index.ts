export { generateSloRules } from './generateSloRules';
export {
  toRulesFileYaml,
  toPrometheusRule,
  toPrometheusRuleYaml,
  toResourceName,
} from './formatRules';
export type { PrometheusRuleMetadata } from './formatRules';
export type {
  SloRulesInput,
  RecordingRule,
  AlertingRule,
  RuleGroup,
  RulesFile,
} from './types';
