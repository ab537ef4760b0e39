import { parse, stringify } from 'yaml';
import { ReadmeBlock, ReadmeBlockError } from '../readme/readmeBlocks';

/** The environments the demo sandbox serves, each at `<sandbox>/<env>/<service>`. */
export const SANDBOX_ENVIRONMENTS = ['dev', 'stage', 'prod'];

/** Credentials the demo sandbox accepts (packages/dataops-sandbox/README.md). */
const SANDBOX_CREDENTIALS = {
  opensearch: { username: 'sandbox', password: 'sandbox-opensearch-password' },
  argocdToken: 'sandbox-argocd-token',
  icebergToken: 'sandbox-iceberg-token',
};

const SOURCES = ['thanos', 'opensearch', 'argocd', 'alertmanager', 'iceberg'];

/** An environment of the README's config as the app runs it. */
export interface ConfiguredEnvironment {
  /** Name in the README block. */
  readmeName: string;
  /** Name in the app: the same when the sandbox serves it, else a sandbox environment it stands for. */
  name: string;
  /** Sources the block configures for it (`thanos`, `alertmanager`, ...). */
  sources: string[];
}

export interface AppConfigOptions {
  /** e.g. `http://127.0.0.1:41234` */
  sandboxUrl: string;
  backendPort: number;
  /** PostgreSQL database name prefix of this run (letters, digits, underscores). */
  databasePrefix: string;
  /** Static external access token the test calls the API with. */
  accessToken: string;
  /** Absolute path of the catalog file with the annotated example entities. */
  catalogFile: string;
}

export interface AdoptionAppConfig {
  yaml: string;
  environments: ConfiguredEnvironment[];
  /** Environment variables the config substitutes (`${NAME}`) that are left after the URL swap. */
  substitutions: string[];
}

type Json = Record<string, any>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `over` wins; objects merge key by key, everything else (arrays too) is replaced. */
export function deepMerge(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(over)) {
    out[key] =
      isObject(value) && isObject(out[key])
        ? deepMerge(out[key], value)
        : value;
  }
  return out;
}

function substitutionsIn(
  value: unknown,
  found = new Set<string>(),
): Set<string> {
  if (typeof value === 'string') {
    for (const [, name] of value.matchAll(
      /(?<!\$)\$\{\s*([A-Za-z_]\w*)\s*\}/g,
    )) {
      found.add(name);
    }
  } else if (Array.isArray(value)) {
    value.forEach(v => substitutionsIn(v, found));
  } else if (isObject(value)) {
    Object.values(value).forEach(v => substitutionsIn(v, found));
  }
  return found;
}

/** Points every source of one environment at the sandbox, with the sandbox's credentials. */
function environmentOnSandbox(
  env: Json,
  name: string,
  sandboxUrl: string,
): Json {
  const at = (service: string) => `${sandboxUrl}/${name}/${service}`;
  const out: Json = { ...env, name };
  if (isObject(env.thanos)) {
    out.thanos = { ...env.thanos, url: at('prometheus') };
  }
  if (isObject(env.opensearch)) {
    out.opensearch = {
      ...env.opensearch,
      url: at('opensearch'),
      ...SANDBOX_CREDENTIALS.opensearch,
    };
  }
  if (Array.isArray(env.argocd)) {
    out.argocd = env.argocd.map((instance: Json) => {
      if (!isObject(instance) || instance.url === undefined) {
        return instance; // reuses an `argocd.appLocatorMethods` instance, swapped below
      }
      const { username: _u, password: _p, ...rest } = instance;
      return {
        ...rest,
        url: at('argocd'),
        token: SANDBOX_CREDENTIALS.argocdToken,
      };
    });
  }
  if (isObject(env.alertmanager)) {
    out.alertmanager = { ...env.alertmanager, url: at('alertmanager') };
  }
  if (isObject(env.iceberg)) {
    out.iceberg = {
      ...env.iceberg,
      url: at('iceberg'),
      token: SANDBOX_CREDENTIALS.icebergToken,
    };
  }
  return out;
}

/**
 * The app-config of the throwaway app: the README's `config` block with every upstream URL swapped for the
 * demo sandbox's, plus what the test needs around it (port, PostgreSQL, a static token, the catalog file).
 * Environment names the sandbox does not serve stand for one it does, in order.
 */
export function adoptionAppConfig(
  block: ReadmeBlock,
  options: AppConfigOptions,
): AdoptionAppConfig {
  let parsed: unknown;
  try {
    parsed = parse(block.code);
  } catch (e) {
    throw new ReadmeBlockError(
      block,
      `is not valid YAML: ${(e as Error).message}`,
    );
  }
  const environments = (parsed as Json)?.dataops?.environments;
  if (
    !isObject(parsed) ||
    !Array.isArray(environments) ||
    environments.length === 0
  ) {
    throw new ReadmeBlockError(block, 'has no dataops.environments list');
  }
  const unused = SANDBOX_ENVIRONMENTS.filter(
    n => !environments.some((e: Json) => e?.name === n),
  );
  const configured: ConfiguredEnvironment[] = environments.map(
    (env: unknown, i) => {
      if (!isObject(env) || typeof env.name !== 'string') {
        throw new ReadmeBlockError(
          block,
          `dataops.environments[${i}] has no name`,
        );
      }
      const name = SANDBOX_ENVIRONMENTS.includes(env.name)
        ? env.name
        : unused.shift();
      if (!name) {
        throw new ReadmeBlockError(
          block,
          `has more environments than the demo sandbox serves (${SANDBOX_ENVIRONMENTS.join(
            ', ',
          )})`,
        );
      }
      return {
        readmeName: env.name,
        name,
        sources: SOURCES.filter(s => env[s] !== undefined),
      };
    },
  );

  const dataops = {
    ...parsed.dataops,
    environments: environments.map((env: Json, i) =>
      environmentOnSandbox(env, configured[i].name, options.sandboxUrl),
    ),
  };
  const readmeConfig: Json = { ...parsed, dataops };
  // Argo CD items without a URL reuse the community plugin's instance of that name: swap those too.
  for (const method of readmeConfig.argocd?.appLocatorMethods ?? []) {
    for (const instance of method?.instances ?? []) {
      const env = dataops.environments.find((e: Json) =>
        e.argocd?.some((i: Json) => i?.name === instance?.name),
      );
      if (env) {
        instance.url = `${options.sandboxUrl}/${env.name}/argocd`;
        instance.token = SANDBOX_CREDENTIALS.argocdToken;
        delete instance.username;
        delete instance.password;
      }
    }
  }

  const { backendPort, databasePrefix, accessToken, catalogFile } = options;
  const harness: Json = {
    app: { baseUrl: 'http://localhost:3000' },
    backend: {
      baseUrl: `http://127.0.0.1:${backendPort}`,
      listen: { host: '127.0.0.1', port: backendPort },
      database: {
        client: 'pg',
        connection: { host: '127.0.0.1', port: 5432, user: 'postgres' },
        prefix: databasePrefix,
      },
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: accessToken, subject: 'adoption-test' },
          },
        ],
      },
    },
    auth: { providers: { guest: {} } },
    catalog: { locations: [{ type: 'file', target: catalogFile }] },
  };
  // The harness decides ports, database, tokens and catalog; everything else is the README's.
  const config = deepMerge(readmeConfig, harness);
  return {
    yaml: stringify(config),
    environments: configured,
    substitutions: [...substitutionsIn(config)].sort(),
  };
}
