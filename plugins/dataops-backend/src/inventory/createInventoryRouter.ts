import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type {
  InventoryEnvironment,
  InventoryResponse,
} from '@dataops-observability/plugin-dataops-common';
import { DataOpsSourceError } from '@dataops-observability/plugin-dataops-node';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import Router from 'express-promise-router';
import type { DataOpsConfig } from '../config';
import { buildInventory, SeriesLookup } from './buildInventory';
import { INVENTORY_ENTITY_TYPES } from './neededSeries';

export interface InventoryRouterOptions {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  config: DataOpsConfig;
  /** The environment's Prometheus, or undefined where thanos is not configured. */
  prometheus(env: string): SeriesLookup | undefined;
  /** Clock, for tests. */
  now?: () => number;
}

function listParam(req: express.Request, name: string): string[] {
  const raw = req.query[name];
  if (raw === undefined) {
    return [];
  }
  const values = Array.isArray(raw) ? raw : [raw];
  return values.map(v => {
    if (typeof v !== 'string') {
      throw new InputError(`Invalid query parameter '${name}'`);
    }
    return v;
  });
}

/**
 * `GET /v1/inventory?env=&type=`: per environment, the series the configured panels, SLIs and storage
 * checks need, found or missing, and the entities that would show "not collected" because of it. `env`
 * and `type` are optional and repeatable; unknown values are a 400 naming them. An environment whose
 * Prometheus fails is reported on its own entry, the others still answer.
 */
export async function createInventoryRouter(
  options: InventoryRouterOptions,
): Promise<express.Router> {
  const { httpAuth, catalog, config } = options;
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const router = Router();
  router.get('/v1/inventory', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const configured = config.environments.map(e => e.name);
    const envs = listParam(req, 'env');
    for (const env of envs) {
      if (!configured.includes(env)) {
        throw new InputError(
          `Unknown environment '${env}'; configured: ${configured.join(', ')}`,
        );
      }
    }
    const types = listParam(req, 'type');
    for (const type of types) {
      if (!(INVENTORY_ENTITY_TYPES as readonly string[]).includes(type)) {
        throw new InputError(
          `Unknown entity type '${type}'; known: ${INVENTORY_ENTITY_TYPES.join(
            ', ',
          )}`,
        );
      }
    }
    const entityTypes = types.length ? types : [...INVENTORY_ENTITY_TYPES];
    // Only what the caller may read: the catalog filters by the caller's credentials. Components and
    // resources with their annotations; which of them a gap affects is decided per consumer.
    const { items } = await catalog.getEntities(
      {
        filter: { kind: ['Component', 'Resource'] },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
          'spec.type',
        ],
      },
      { credentials },
    );
    const environments = await Promise.all(
      (envs.length ? envs : configured).map(async env => {
        const prometheus = options.prometheus(env);
        if (!prometheus) {
          const absent: InventoryEnvironment = {
            env,
            status: 'not-configured',
            source: 'thanos',
          };
          return absent;
        }
        try {
          return await buildInventory({
            config,
            env,
            entityTypes,
            prometheus,
            entities: items,
            nowSeconds: now(),
          });
        } catch (e) {
          // One environment's Prometheus failing is that environment's answer, never the request's.
          const failure: InventoryEnvironment = {
            env,
            status: 'error',
            error: {
              type: e instanceof DataOpsSourceError ? e.type : 'UPSTREAM_ERROR',
              source: 'thanos',
              message: (e as Error).message,
            },
          };
          return failure;
        }
      }),
    );
    const body: InventoryResponse = { entityTypes, environments };
    res.json(body);
  });
  return router;
}
