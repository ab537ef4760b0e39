import {
  checkSourceUrl,
  readSourceConcurrency,
} from '@dataops-observability/plugin-dataops-node';
import type { DataOpsSourceConfigContext } from '@dataops-observability/plugin-dataops-node';
import type { EntityScopeRules } from '@dataops-observability/plugin-dataops-common';
import { readEntityScope } from '../readEntityScope';
import { SharedArgoCdInstances } from './SharedArgoCdInstances';
import { CommitLinkTemplate, readArgoCdLinkConfig } from '../../links';

/** One item of an environment's `argocd` list, validated, with shared instances resolved. */
export interface ArgoCdInstanceConfig {
  name: string;
  url: string;
  token?: string;
  username?: string;
  password?: string;
  maxConcurrency: number;
  /** `entityScope` of the environment (the same for all its instances); `appSelector` binds selectors. */
  entityScope?: EntityScopeRules;
  /** Base URL of the web UI for links to applications; the API URL unless `uiUrl` is set. */
  uiUrl?: string;
  /** `commitUrlTemplate`: commit links for repositories on its host. */
  commitUrlTemplate?: CommitLinkTemplate;
}

/** Reads the `argocd` instances of an environment item; `undefined` when it lists none. */
export function readArgoCdConfig({
  config: env,
  rootConfig,
}: DataOpsSourceConfigContext): ArgoCdInstanceConfig[] | undefined {
  const items = env.getOptionalConfigArray('argocd') ?? [];
  if (items.length === 0) {
    return undefined;
  }
  const shared = SharedArgoCdInstances.fromConfig(rootConfig);
  const entityScope = readEntityScope(env);
  const seen = new Set<string>();
  return items.map((config, index) => {
    const name = config.getString('name');
    const where = `argocd[${index}] '${name}'`;
    if (seen.has(name)) {
      throw new Error(`${where}: duplicate instance name`);
    }
    seen.add(name);
    const own = config.has('url')
      ? {
          url: config.getString('url'),
          token: config.getOptionalString('token'),
          username: config.getOptionalString('username'),
          password: config.getOptionalString('password'),
        }
      : shared.resolve(name, where);
    const { token, username, password } = own;
    if (token && (username || password)) {
      throw new Error(
        `${where}: set either token or username/password, not both`,
      );
    }
    if (!token && !(username && password)) {
      throw new Error(`${where}: needs token, or username and password`);
    }
    const url = checkSourceUrl(own.url, where);
    return {
      name,
      url,
      token,
      username,
      password,
      maxConcurrency: readSourceConcurrency(config, where),
      entityScope,
      ...readArgoCdLinkConfig(config, url, where),
    };
  });
}
