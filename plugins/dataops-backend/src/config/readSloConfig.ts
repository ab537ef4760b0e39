import type { Config } from '@backstage/config';
import {
  BurnRateAlertPolicy,
  Priority,
  SliTemplate,
  SloPolicyInput,
  resolveSloPolicy,
  validateSliTemplate,
} from '@dataops-observability/plugin-dataops-common';
import type { SloConfig } from './types';

function readPolicy(config: Config | undefined): SloPolicyInput {
  if (!config) {
    return {};
  }
  const policy: SloPolicyInput = {};
  const objective = config.getOptionalNumber('objective');
  if (objective !== undefined) policy.objective = objective;
  const period = config.getOptionalString('period');
  if (period !== undefined) policy.period = period;
  const divisor = config.getOptionalNumber('shortWindowDivisor');
  if (divisor !== undefined) policy.shortWindowDivisor = divisor;
  const exhaustion = config.getOptionalString('exhaustionWindow');
  if (exhaustion !== undefined) policy.exhaustionWindow = exhaustion;
  const alerts = config.getOptionalConfigArray('alerts');
  if (alerts) {
    policy.alerts = alerts.map(
      (a): BurnRateAlertPolicy => ({
        name: a.getString('name'),
        budgetConsumed: a.getNumber('budgetConsumed'),
        longWindow: a.getString('longWindow'),
        shortWindow: a.getOptionalString('shortWindow'),
        priority: a.getString('priority') as Priority,
        severity: a.getString('severity'),
        for: a.getOptionalString('for'),
      }),
    );
  }
  return policy;
}

function readTemplates(
  config: Config | undefined,
): Record<string, SliTemplate> {
  const templates: Record<string, SliTemplate> = {};
  for (const type of config?.keys() ?? []) {
    const t = config!.getConfig(type);
    const id = t.getString('id');
    templates[type] = validateSliTemplate({
      id,
      entityType: type,
      name: t.getOptionalString('name') ?? id,
      description: t.getOptionalString('description') ?? '',
      goodEvents: t.getStringArray('goodEvents'),
      totalEvents: t.getStringArray('totalEvents'),
    });
  }
  return templates;
}

/**
 * Reads `dataops.slo`. The policy is resolved once here only to fail at start-up with the bad field named;
 * the view resolves it again per entity with the entity's objective and period.
 */
export function readSloConfig(config: Config | undefined): SloConfig {
  try {
    const policy = readPolicy(config?.getOptionalConfig('policy'));
    resolveSloPolicy(policy);
    return {
      useRecordingRules:
        config?.getOptionalBoolean('useRecordingRules') ?? false,
      policy,
      templates: readTemplates(config?.getOptionalConfig('templates')),
    };
  } catch (e) {
    throw new Error(`Invalid dataops.slo: ${(e as Error).message}`);
  }
}
