import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  HttpAuthService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { describeFirstIssue } from '@dataops-observability/plugin-dataops-common';
import type { FleetService } from './FleetService';

const ENTITY_REF = /^[a-z0-9_-]{1,63}:[a-z0-9._-]{1,63}\/[a-z0-9._-]{1,253}$/i;
const WORD = /^[A-Za-z0-9._-]{1,253}$/;

const repeatable = (item: z.ZodString) =>
  z
    .union([item, z.array(item).max(50, 'at most 50 values')])
    .optional()
    .transform(v => (v === undefined || Array.isArray(v) ? v : [v]));

const querySchema = z
  .object({
    owner: repeatable(z.string().regex(ENTITY_REF, 'not a group ref')),
    type: repeatable(z.string().regex(WORD, 'not a type')),
    system: repeatable(z.string().regex(WORD, 'not a system name')),
    lifecycle: repeatable(z.string().regex(WORD, 'not a lifecycle')),
    env: repeatable(z.string().regex(WORD, 'not an environment name')),
  })
  .strict();

function isUser(
  credentials: BackstageCredentials<
    BackstageUserPrincipal | BackstageServicePrincipal
  >,
): credentials is BackstageCredentials<BackstageUserPrincipal> {
  return credentials.principal.type === 'user';
}

/** `GET /v1/fleet`: every annotated entity the caller may see, rolled up per environment. */
export async function createFleetRouter(options: {
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  fleet: FleetService;
  environments: string[];
}): Promise<express.Router> {
  const router = Router();
  router.get('/v1/fleet', async (req, res) => {
    // Other plugins and reporting jobs may ask too, as services; they belong to no group, so they name one.
    const credentials = await options.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const parsed = querySchema.safeParse(req.query);
    if (!parsed.success) {
      throw new InputError(
        describeFirstIssue(parsed.error.issues, { source: 'query' }),
      );
    }
    const query = parsed.data;
    if (!query.owner && !isUser(credentials)) {
      throw new InputError(
        "Missing 'owner': a service caller belongs to no group, so it must name the owner group(s)",
      );
    }
    for (const env of query.env ?? []) {
      if (!options.environments.includes(env)) {
        throw new InputError(
          `Invalid 'env': unknown environment '${env}'; configured: ${options.environments.join(
            ', ',
          )}`,
        );
      }
    }
    // Default to the caller's own groups, as the catalog resolved them at sign-in.
    const owners =
      query.owner?.map(o => o.toLocaleLowerCase('en-US')) ??
      (isUser(credentials)
        ? (await options.userInfo.getUserInfo(credentials)).ownershipEntityRefs
            .filter(r => r.startsWith('group:'))
            .map(r => r.toLocaleLowerCase('en-US'))
        : []);
    const envs = query.env ?? options.environments;
    const result = await options.fleet.fleet(
      {
        owners,
        types: query.type,
        systems: query.system,
        lifecycles: query.lifecycle,
        envs,
      },
      credentials,
    );
    res.json({
      environments: envs,
      owners,
      truncated: result.truncated,
      counts: Object.fromEntries(result.counts),
      rows: result.rows.map(row => ({
        entityRef: row.ref,
        title: row.title,
        type: row.type,
        owner: row.owner,
        system: row.system,
        cells: envs.flatMap(env => {
          const cell = row.cells.get(env);
          return cell ? [{ env, ...cell }] : [];
        }),
        pending: row.pending,
      })),
    });
  });
  return router;
}
