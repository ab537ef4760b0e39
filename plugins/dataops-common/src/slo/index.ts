/**
 * Service level objectives: pure SLO math, the policy of docs/platform-rules.md, SLI templates per entity type and
 * the PromQL builders shared by the backend's `slo` view and the Prometheus rule generator.
 */
export { SloInputError } from './SloInputError';
export { parseWindow, formatWindow, SLO_REPORTED_WINDOWS } from './windows';
export {
  parseSloPeriod,
  MAX_SLO_PERIOD_SECONDS,
  MIN_SLO_PERIOD_SECONDS,
} from './period';
export {
  DEFAULT_SLO_POLICY,
  errorBudgetRatio,
  parseObjective,
  burnRateThreshold,
  resolveSloPolicy,
  policyWindows,
} from './policy';
export type {
  BurnRateAlertPolicy,
  SloPolicy,
  SloPolicyInput,
  ResolvedBurnRateAlert,
  ResolvedSloPolicy,
} from './policy';
export {
  computeSli,
  computeErrorRatio,
  computeErrorBudget,
  computeBudgetConsumption,
  computeBurnRate,
  budgetSpentInWindow,
  hoursUntilExhaustion,
  evaluateBurnRateAlerts,
} from './math';
export type { EventCounts, ErrorBudgetSize, BudgetConsumption } from './math';
export { idealBurndown, actualBurndown } from './burndown';
export type { BurndownBucket } from './burndown';
export {
  DEFAULT_SLI_TEMPLATES,
  sliTemplateForEntityType,
  sliTemplateVariables,
  validateSliTemplate,
  sliIdentityForEntity,
} from './templates';
export type { SliTemplate } from './templates';
export {
  buildGoodEventsQuery,
  buildTotalEventsQuery,
  buildSliQuery,
  buildErrorRatioQuery,
  recordingRuleName,
  sloSeriesMatchers,
  buildRecordedErrorRatioQuery,
  buildRecordedSliQuery,
} from './queries';
export type { SliQueryOptions, SloSeriesLabels } from './queries';
export { buildSloData, SLO_WARNING_REMAINING_FRACTION } from './buildSloData';
export type { SloMeasurements } from './buildSloData';
