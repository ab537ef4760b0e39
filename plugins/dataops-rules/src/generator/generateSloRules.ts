import {
  buildErrorRatioQuery,
  buildRecordedErrorRatioQuery,
  formatWindow,
  isValidEnvironmentName,
  parseSelector,
  parseWindow,
  policyWindows,
  recordingRuleName,
  resolveSloPolicy,
  SloInputError,
  sliTemplateForEntityType,
  sliTemplateFromProfile,
  validateSliTemplate,
} from '@dataops-observability/plugin-dataops-common';
import type {
  AlertingRule,
  RecordingRule,
  RuleGroup,
  RulesFile,
  SloRulesInput,
} from './types';

const ENTITY_REF =
  /^[a-z][a-z0-9-]*:[a-z0-9][a-z0-9._-]*\/[a-zA-Z0-9][a-zA-Z0-9._-]*$/;
const GROUP_REF = /^group:[a-z0-9][a-z0-9._-]*\/[a-zA-Z0-9][a-zA-Z0-9._-]*$/;

function percent(value: number): string {
  return `${Number((value * 100).toPrecision(10))}%`;
}

/**
 * Prometheus rules for one entity's SLO in one environment: a recording rule for the SLI error ratio
 * over every window the policy uses (5m, 30m, 1h, 2h, 6h, 1d, 3d by default) and one multiwindow
 * burn-rate alert per policy alert (fast burn P1, slow burn P2), which reads the recorded long and short
 * window ratios so both windows are evaluated from the same, already aggregated series.
 *
 * Throws `SloInputError` (HTTP 400 in a backend) naming the bad input.
 * @public
 */
export function generateSloRules(input: SloRulesInput): RulesFile {
  if (!ENTITY_REF.test(input.entityRef ?? '')) {
    throw new SloInputError(
      `Invalid entity ref '${input.entityRef}': expected kind:namespace/name in lowercase, e.g. component:default/daily-sales-etl`,
    );
  }
  if (!GROUP_REF.test(input.owner ?? '')) {
    throw new SloInputError(
      `Invalid owner '${input.owner}': expected a group ref such as group:default/sales-data`,
    );
  }
  if (!isValidEnvironmentName(input.env ?? '')) {
    throw new SloInputError(`Invalid environment name '${input.env}'`);
  }
  const fromProfile = input.profile
    ? sliTemplateFromProfile(input.entityType, input.profile)
    : undefined;
  const template = input.template
    ? validateSliTemplate(input.template)
    : sliTemplateForEntityType(
        input.entityType,
        fromProfile ? { [input.entityType]: fromProfile } : {},
      );
  const policy = resolveSloPolicy({
    ...input.policy,
    ...(input.objective !== undefined && { objective: input.objective }),
    ...(input.period !== undefined && { period: input.period }),
  });
  let matchers;
  try {
    matchers =
      typeof input.matchers === 'string'
        ? parseSelector(input.matchers)
        : input.matchers ?? [];
  } catch (e) {
    throw new SloInputError(
      `Invalid label matchers for ${input.entityRef}: ${(e as Error).message}`,
    );
  }
  const interval = formatWindow(parseWindow(input.interval ?? '1m'));

  const seriesLabels = {
    slo: template.id,
    backstage_entity: input.entityRef,
    env: input.env,
  };

  const recording: RecordingRule[] = policyWindows(policy).map(window => {
    let expr: string;
    try {
      expr = buildErrorRatioQuery(template, window, {
        matchers,
        identity: input.identity,
      });
    } catch (e) {
      throw new SloInputError(
        `Cannot build the SLI of ${input.entityRef}: ${(e as Error).message}`,
      );
    }
    return {
      record: recordingRuleName(window),
      expr,
      labels: { ...seriesLabels },
    };
  });

  const budget = percent(policy.budgetRatio);
  const alerting: AlertingRule[] = policy.alerts.map(alert => {
    const condition = (window: string) =>
      `${buildRecordedErrorRatioQuery(window, seriesLabels)} > (${
        alert.threshold
      } * ${policy.budgetRatio})`;
    const lastsHours = Number(
      (policy.periodSeconds / 3600 / alert.threshold).toPrecision(4),
    );
    const rule: AlertingRule = {
      alert: alert.name,
      expr: `${condition(alert.longWindow)}\nand\n${condition(
        alert.shortWindow,
      )}`,
      labels: {
        severity: alert.severity,
        priority: alert.priority,
        owner: input.owner,
        ...seriesLabels,
      },
      annotations: {
        summary: `${input.entityRef} in ${input.env}: ${template.name} is burning its error budget ${alert.threshold}x too fast`,
        description:
          `${template.description}: the error ratio over both the last ${alert.longWindow} and the last ` +
          `${alert.shortWindow} is above ${alert.threshold} times the ${budget} error budget of the ` +
          `${policy.objective}% objective over ${policy.period}. ${percent(
            alert.budgetConsumed,
          )} of the ` +
          `period's budget is gone within ${alert.longWindow}; at this rate the whole budget lasts ` +
          `${lastsHours} h.`,
        runbook:
          input.runbookUrl ??
          `Open the SLO tab of ${input.entityRef} in Backstage (docs/slo.md explains the numbers).`,
      },
    };
    if (alert.for !== '0s') {
      rule.for = alert.for;
    }
    return rule;
  });

  const group: RuleGroup = {
    name: `slo:${input.entityRef}:${template.id}:${input.env}`,
    interval,
    // One group, recording rules first: rules of a group run in order, so every alert sees ratios
    // recorded in the same evaluation.
    rules: [...recording, ...alerting],
  };
  return { groups: [group] };
}
