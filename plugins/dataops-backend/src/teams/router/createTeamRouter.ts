import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type {
  AuthService,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { DataOpsConfig } from '../../config';
import type { AlertmanagerClient } from '../../sources';
import { buildTeamAlerts } from '../alerts';
import { EpisodeStore, computeIncidents } from '../incidents';
import { CatalogOwnership, parseGroupRef } from '../ownership';
import { generateRoutingTree } from '../routing';

const REF = z.string().min(1).max(300);

function parse<T extends z.ZodTypeAny>(schema: T, query: unknown): z.infer<T> {
  const parsed = schema.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      issue.code === 'unrecognized_keys'
        ? `Unknown query parameter(s): ${issue.keys.join(', ')}`
        : `Invalid '${String(issue.path[0] ?? '')}': ${issue.message}`,
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
  catalog: CatalogService;
  config: DataOpsConfig;
  /** The environment's Alertmanager client; `undefined` when it has none. */
  alertmanager(env: string): AlertmanagerClient | undefined;
  store: EpisodeStore;
  now?: () => number;
}

/**
 * Team routes: live alerts and incident history of a group and its sub-groups, read with the caller's
 * catalog credentials so nobody learns of groups or entities they cannot see; and the routing tree,
 * built with the plugin's own credentials because a partial tree would silently drop teams.
 */
export async function createTeamRouter(
  options: TeamRouterOptions,
): Promise<express.Router> {
  const { httpAuth, auth, catalog, config, store } = options;
  const now = options.now ?? Date.now;
  const environments = config.environments.map(e => e.name);
  const router = Router();

  const ownershipFor = async (req: express.Request) =>
    CatalogOwnership.load({
      catalog,
      credentials: await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      }),
      environments,
    });

  router.get('/v1/alerts', async (req, res) => {
    const query = parse(teamSchema, req.query);
    const owner = parseGroupRef(query.owner);
    const ownership = await ownershipFor(req);
    res.json(
      await buildTeamAlerts({
        owner,
        groups: ownership.groupAndDescendants(owner),
        ownership,
        config,
        alertmanager: options.alertmanager,
      }),
    );
  });

  router.get('/v1/incidents', async (req, res) => {
    const query = parse(incidentsSchema, req.query);
    const owner = parseGroupRef(query.owner);
    const entityRef = query.entity ? parseEntity(query.entity) : undefined;
    const ownership = await ownershipFor(req);
    const groups = ownership.groupAndDescendants(owner);
    if (entityRef) {
      const entity = ownership.entity(entityRef);
      if (!entity || !groups.includes(entity.owner)) {
        throw new NotFoundError(
          `No entity ${entityRef} owned by ${owner} or its groups`,
        );
      }
    }
    const days = query.days ?? 30;
    const at = now();
    const episodes = await store.list({
      owners: groups,
      entityRef,
      since: at - days * 86_400_000,
    });
    res.json(
      computeIncidents({ owner, groups, entityRef, episodes, now: at, days }),
    );
  });

  router.get('/v1/alert-routing', async (req, res) => {
    if (Object.keys(req.query).length) {
      throw new InputError(
        `Unknown query parameter(s): ${Object.keys(req.query).join(', ')}`,
      );
    }
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const ownership = await CatalogOwnership.load({
      catalog,
      credentials: await auth.getOwnServiceCredentials(),
      environments,
    });
    res
      .attachment('alertmanager-routes.yaml')
      .type('text/yaml; charset=utf-8')
      .send(
        generateRoutingTree({
          owners: ownership.owningGroups(),
          priorities: config.priorities,
          hiddenAlerts: config.hiddenAlerts,
        }),
      );
  });

  return router;
}
