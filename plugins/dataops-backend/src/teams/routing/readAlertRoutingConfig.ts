import type { Config } from '@backstage/config';
import {
  AlertReceiverEntry,
  isValidEnvironmentName,
  parseAlertReceivers,
} from '@dataops-observability/plugin-dataops-common';

/** `dataops.alertRouting`, validated. */
export interface AlertRoutingConfig {
  /** Environments where pager targets of `P<n>` and `*` entries page; default `prod`. */
  pagingEnvironments: string[];
  /** Receivers of groups with no annotation up their parent chain, parsed; absent when not configured. */
  defaultReceivers?: AlertReceiverEntry[];
  /** Absolute directory on the Alertmanager host holding the secret files. */
  secretsDirectory: string;
  /** Sender and relay of e-mail receivers; placeholders when absent. */
  email?: { from?: string; smarthost?: string };
}

export const DEFAULT_SECRETS_DIRECTORY = '/etc/alertmanager/secrets';

const SMARTHOST = /^[A-Za-z0-9.-]{1,253}:\d{1,5}$/;
const ADDRESS = /^[^\s@<>"]{1,64}@[A-Za-z0-9.-]{1,253}$/;

/**
 * Reads `dataops.alertRouting`. `environments` are the configured environment names: paging environments
 * and the environments of the default receivers must be among them when any are configured.
 */
export function readAlertRoutingConfig(
  root: Config,
  environments: string[],
): AlertRoutingConfig {
  const config = root.getOptionalConfig('dataops.alertRouting');
  const fail = (key: string, message: string): never => {
    throw new Error(`Invalid dataops.alertRouting.${key}: ${message}`);
  };
  const explicit = config?.getOptionalStringArray('pagingEnvironments');
  for (const env of explicit ?? []) {
    if (!isValidEnvironmentName(env)) {
      fail('pagingEnvironments', `'${env}' is not a valid environment name`);
    }
    if (environments.length && !environments.includes(env)) {
      fail(
        'pagingEnvironments',
        `'${env}' is not a configured environment (configured: ${environments.join(
          ', ',
        )})`,
      );
    }
  }
  const rawDefault = config?.getOptionalString('defaultReceivers');
  let defaultReceivers: AlertReceiverEntry[] | undefined;
  if (rawDefault?.trim()) {
    try {
      defaultReceivers = parseAlertReceivers(
        rawDefault,
        environments.map(name => ({ name })),
      );
    } catch (e) {
      fail('defaultReceivers', (e as Error).message);
    }
  }
  const secretsDirectory = (
    config?.getOptionalString('secretsDirectory') ?? DEFAULT_SECRETS_DIRECTORY
  ).replace(/\/+$/, '');
  if (
    !secretsDirectory.startsWith('/') ||
    secretsDirectory.split('/').includes('..') ||
    /[\s"'\\]/.test(secretsDirectory)
  ) {
    fail(
      'secretsDirectory',
      `'${secretsDirectory}' must be an absolute path without '..', blanks, quotes or backslashes`,
    );
  }
  const from = config?.getOptionalString('email.from');
  const smarthost = config?.getOptionalString('email.smarthost');
  if (from !== undefined && !ADDRESS.test(from)) {
    fail('email.from', `'${from}' is not an e-mail address`);
  }
  if (smarthost !== undefined && !SMARTHOST.test(smarthost)) {
    fail('email.smarthost', `'${smarthost}' is not 'host:port'`);
  }
  return {
    pagingEnvironments: explicit ?? ['prod'],
    ...(defaultReceivers ? { defaultReceivers } : {}),
    secretsDirectory,
    ...(from || smarthost ? { email: { from, smarthost } } : {}),
  };
}
