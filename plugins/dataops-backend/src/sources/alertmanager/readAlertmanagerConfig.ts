import {
  readSourceConcurrency,
  readSourceHeaders,
  readSourceUrl,
} from '@dataops-observability/plugin-dataops-node';
import type { Config } from '@backstage/config';
import { DEFAULT_IDENTIFYING_LABELS } from '@dataops-observability/plugin-dataops-common';
import type { DataOpsSourceConfigContext } from '@dataops-observability/plugin-dataops-node';

/** `alertmanager` of an environment, validated. */
export interface AlertmanagerConfig {
  url: string;
  headers: Record<string, string>;
  maxConcurrency: number;
  /** Label naming the environment of an alert (default `env`). */
  envLabel: string;
  /** Labels whose equality matchers let a selector own alerts (default namespace, app, job). */
  identifyingLabels: string[];
}

export const DEFAULT_ENV_LABEL = 'env';
const MAX_IDENTIFYING_LABELS = 8;
export { DEFAULT_IDENTIFYING_LABELS };

/** A Prometheus label name; reserved `__` names are never alert labels a rule sets. */
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function checkLabelName(name: string, key: string): string {
  if (!LABEL_NAME.test(name) || name.startsWith('__')) {
    throw new Error(
      `Invalid alertmanager.${key}: '${name}' is not a Prometheus label name`,
    );
  }
  return name;
}

/** Reads `alertmanager` of an environment item; `undefined` when the environment has none. */
export function readAlertmanagerConfig({
  config: env,
}: DataOpsSourceConfigContext): AlertmanagerConfig | undefined {
  return readAlertmanagerSettings(env);
}

/** The same, from the raw `dataops.environments[]` item alone. */
export function readAlertmanagerSettings(
  env: Config,
): AlertmanagerConfig | undefined {
  if (!env.has('alertmanager')) {
    return undefined;
  }
  const config = env.getConfig('alertmanager');
  const identifying = config.getOptionalStringArray('identifyingLabels') ?? [
    ...DEFAULT_IDENTIFYING_LABELS,
  ];
  // Ownership looks up every subset of an alert's identifying labels: 2^8 lookups per alert at most.
  if (identifying.length > MAX_IDENTIFYING_LABELS) {
    throw new Error(
      `Invalid alertmanager.identifyingLabels: at most ${MAX_IDENTIFYING_LABELS} labels`,
    );
  }
  if (!identifying.length) {
    throw new Error(
      'Invalid alertmanager.identifyingLabels: name at least one label, or no selector could own an alert',
    );
  }
  return {
    url: readSourceUrl(config, 'alertmanager'),
    headers: readSourceHeaders(config),
    maxConcurrency: readSourceConcurrency(config, 'alertmanager'),
    envLabel: checkLabelName(
      config.getOptionalString('envLabel') ?? DEFAULT_ENV_LABEL,
      'envLabel',
    ),
    identifyingLabels: [
      ...new Set(identifying.map(l => checkLabelName(l, 'identifyingLabels'))),
    ],
  };
}
