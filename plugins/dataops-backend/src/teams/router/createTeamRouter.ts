import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type {
  AuthService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  PRIORITIES,
  TeamAlertReceiversResponse,
  dataopsAlertRoutingReadPermission,
  describeFirstIssue,
} from '@dataops-observability/plugin-dataops-common';
import type { DataOpsConfig } from '../../config';
import { AlertmanagerClient, AlertmanagerTopology } from '../../sources';
import { DEFAULT_ENV_LABEL } from '../../sources/alertmanager/readAlertmanagerConfig';
import { buildTeamAlerts } from '../alerts';
import { EpisodeStore, computeIncidents } from '../incidents';
import { CatalogOwnership, parseGroupRef } from '../ownership';
import {
  AlertReceiverDirectory,
  AlertRoutingConfig,
  generateRoutingTree,
  readAlertRoutingConfig,
} from '../routing';

const REF = z.string().min(1).max(300);

function parse<T extends z.ZodTypeAny>(schema: T, query: unknown): z.infer<T> {
  const parsed = schema.safeParse(query);
  if (!parsed.success) {
    throw new InputError(
      describeFirstIssue(parsed.error.issues, { source: 'query' }),
    );
  }
  return parsed.data;
}

const teamSchema = z.object({ owner: REF }).strict();
const incidentsSchema = z
  .object({
    owner: REF,
    entity: REF.optional(),
    days: z
      .string()
      .regex(/^\d+$/, 'must be a whole number of days')
      .transform(Number)
      .refine(n => n >= 1 && n <= 90, 'must be between 1 and 90')
      .optional(),
  })
  .strict();
const routingSchema = z
  .object({ env: z.string().min(1).max(63).optional() })
  .strict();

function parseEntity(ref: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(ref)).toLocaleLowerCase('en-US');
  } catch (e) {
    throw new InputError(
      `Invalid 'entity' '${ref}': ${
        (e as Error).message
      }; expected a ref such as component:default/x`,
    );
  }
}

export interface TeamRouterOptions {
  httpAuth: HttpAuthService;
  auth: AuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  config: DataOpsConfig;
  /** The environment's Alertmanager client; `undefined` when it has none. */
  alertmanager(env: string): AlertmanagerClient | undefined;
  store: EpisodeStore;
  /** Shared with the poller, so both reuse one ownership index; built here when absent. */
  ownership?: CatalogOwnership;
  /** `dataops.alertRouting`; default: paging in `prod`, no default receivers. */
  alertRouting?: AlertRoutingConfig;
  now?: () => number;
}

/** The ownership reads of the team features, built once per backend. */
export function createCatalogOwnership(options: {
  catalog: CatalogService;
  auth: AuthService;
  config: DataOpsConfig;
}): CatalogOwnership {
  const topology = AlertmanagerTopology.of(options.config.environments);
  return new CatalogOwnership({
    catalog: options.catalog,
    serviceCredentials: () => options.auth.getOwnServiceCredentials(),
    environments: options.config.environments.map(e => e.name),
    identifyingLabels: env => topology.identifyingLabels(env),
  });
}

/**
 * Team routes: live alerts and incident history of a group and its sub-groups, showing only groups and
 * entities the caller can see in the catalog; and the routing tree, built from the whole catalog with the
 * plugin's own credentials (a partial tree would silently drop teams) and therefore only for callers the
 * permission policy allows `dataops.alertRouting.read`.
 */
export async function createTeamRouter(
  options: TeamRouterOptions,
): Promise<express.Router> {
  const { httpAuth, catalog, config, store, permissions } = options;
  const now = options.now ?? Date.now;
  const ownership =
    options.ownership ??
    createCatalogOwnership({ catalog, auth: options.auth, config });
  const alertRouting =
    options.alertRouting ??
    readAlertRoutingConfig(
      new ConfigReader({}),
      config.environments.map(e => e.name),
    );
  const envNames = config.environments.map(e => e.name);
  const receiverDirectory = async () =>
    new AlertReceiverDirectory(
      await ownership.groupsWithAnnotations(),
      alertRouting,
    );
  const router = Router();

  const callerOf = (req: express.Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  router.get('/v1/alerts', async (req, res) => {
    const query = parse(teamSchema, req.query);
    const owner = parseGroupRef(query.owner);
    const credentials = await callerOf(req);
    const tree = await ownership.groupTree(credentials);
    res.json(
      await buildTeamAlerts({
        owner,
        groups: tree.groupAndDescendants(owner),
        ownership,
        credentials,
        config,
        alertmanager: options.alertmanager,
      }),
    );
  });

  router.get('/v1/incidents', async (req, res) => {
    const query = parse(incidentsSchema, req.query);
    const owner = parseGroupRef(query.owner);
    const entityRef = query.entity ? parseEntity(query.entity) : undefined;
    const credentials = await callerOf(req);
    const [tree, index] = await Promise.all([
      ownership.groupTree(credentials),
      ownership.index(),
    ]);
    const groups = tree.groupAndDescendants(owner);
    if (entityRef) {
      const entity = index.entity(entityRef);
      const visible = await ownership.visibleEntities([entityRef], credentials);
      if (
        !entity ||
        !groups.includes(entity.owner) ||
        !visible.has(entityRef)
      ) {
        throw new NotFoundError(
          `No entity ${entityRef} owned by ${owner} or its groups`,
        );
      }
    }
    const days = query.days ?? 30;
    const at = now();
    const recorded = await store.list({
      owners: groups,
      entityRef,
      since: at - days * 86_400_000,
    });
    // History stays with the entity: what the caller can not see in the catalog is left out.
    const visible = await ownership.visibleEntities(
      recorded.map(e => e.entityRef),
      credentials,
    );
    const episodes = recorded.filter(e => visible.has(e.entityRef));
    res.json(
      computeIncidents({ owner, groups, entityRef, episodes, now: at, days }),
    );
  });

  router.get('/v1/alert-routing', async (req, res) => {
    const query = parse(routingSchema, req.query);
    const credentials = await callerOf(req);
    const [decision] = await permissions.authorize(
      [{ permission: dataopsAlertRoutingReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Not allowed to read the alert routing tree (permission ${dataopsAlertRoutingReadPermission.name})`,
      );
    }
    const topology = AlertmanagerTopology.of(config.environments);
    const home = topology.home(query.env);
    if (query.env && !home) {
      throw new InputError(
        `Invalid 'env' '${query.env}': not a configured environment with an Alertmanager`,
      );
    }
    const [index, receivers] = await Promise.all([
      ownership.index(),
      receiverDirectory(),
    ]);
    const envLabel = home?.envLabel ?? DEFAULT_ENV_LABEL;
    res
      .attachment('alertmanager-routes.yaml')
      .type('text/yaml; charset=utf-8')
      .send(
        generateRoutingTree({
          owners: index.owningGroups(),
          priorities: config.priorities,
          hiddenAlerts: config.hiddenAlerts,
          receivers,
          environments: envNames.map(name => ({ name, envLabel })),
          fallbackEnv: home?.env ?? envNames[0],
          routing: alertRouting,
        }),
      );
  });

  router.get('/v1/alert-receivers', async (req, res) => {
    const query = parse(teamSchema, req.query);
    const owner = parseGroupRef(query.owner);
    const credentials = await callerOf(req);
    const tree = await ownership.groupTree(credentials);
    if (!tree.has(owner)) {
      throw new NotFoundError(`No group ${owner}`);
    }
    const receivers = await receiverDirectory();
    const body: TeamAlertReceiversResponse = {
      owner,
      environments: envNames,
      pagingEnvironments: alertRouting.pagingEnvironments.filter(env =>
        envNames.includes(env),
      ),
      routes: envNames.flatMap(env =>
        PRIORITIES.map(priority => {
          const { from, ...route } = receivers.resolve(owner, env, priority);
          // A parent the caller can not see is not named.
          return from && tree.has(from) ? { ...route, from } : route;
        }),
      ),
    };
    res.json(body);
  });

  return router;
}
