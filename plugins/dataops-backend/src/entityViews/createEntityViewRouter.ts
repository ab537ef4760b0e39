import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { InputError, NotFoundError } from '@backstage/errors';
import type { Entity } from '@backstage/catalog-model';
import {
  TimeRangeError,
  describeFirstIssue,
  parseTimeRange,
} from '@dataops-observability/plugin-dataops-common';
import type { EnvironmentSources } from '../sources';
import { BoundedLruStore } from './BoundedLruStore';
import { callerKey } from './callerKey';
import type { EntityViewService } from './EntityViewService';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/;
const LEVELS = ['error', 'warn', 'info', 'debug', 'trace', 'unknown'] as const;

const repeatable = (item: z.ZodString) =>
  z
    .union([item, z.array(item)])
    .optional()
    .transform(v => (v === undefined || Array.isArray(v) ? v : [v]));

const querySchema = z
  .object({
    env: repeatable(
      z.string().regex(/^[A-Za-z0-9_-]{1,63}$/, 'not an environment name'),
    ),
    from: z.string().max(64).optional(),
    to: z.string().max(64).optional(),
    step: z
      .string()
      .regex(/^\d+(\.\d+)?$/, 'must be a number of seconds')
      .optional(),
    q: z.string().max(500, 'at most 500 characters').optional(),
    level: repeatable(z.string())
      .transform(v =>
        v
          ?.flatMap(s => s.split(','))
          .map(s => s.trim())
          .filter(Boolean),
      )
      .refine(
        v => !v || v.every(l => (LEVELS as readonly string[]).includes(l)),
        {
          message: `must be one of ${LEVELS.join(', ')}`,
        },
      ),
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,2000}$/, 'not a cursor')
      .optional(),
    size: z
      .string()
      .regex(/^\d+$/, 'must be an integer')
      .transform(Number)
      .refine(n => n >= 1 && n <= 500, 'must be between 1 and 500')
      .optional(),
  })
  .strict();

/** Validates the query string of an entity view request; exported for the property-based tests. */
export function parseQuery(query: unknown) {
  return validateQuery(query);
}

function validateQuery(query: unknown) {
  const parsed = querySchema.safeParse(query);
  if (!parsed.success) {
    throw new InputError(
      describeFirstIssue(parsed.error.issues, { source: 'query' }),
    );
  }
  return parsed.data;
}

export interface EntityViewRouterOptions {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  /** What each environment configures, for `GET /v1/environments`. */
  sources: EnvironmentSources;
  views: EntityViewService;
  /**
   * How long a caller's catalog lookup of an entity is reused, ms (`dataops.entityCacheSeconds`); 0, the
   * default, looks it up on every request. A page opens several views of one entity at once and refreshes
   * them, each a catalog call; reusing the lookup means a catalog change (or a change in what the caller may
   * see) shows that much later, so it is the operator's choice.
   */
  entityCacheMs?: number;
}

/** Entities are not measured: each counts as a typical catalog entity of a few KB (about 100 per caller). */
const ENTITY_BYTES = 2_048;
const ENTITY_CACHE_LIMITS = {
  maxEntries: 5_000,
  maxBytes: 16 * 1024 * 1024,
  maxBytesPerOwner: 100 * ENTITY_BYTES,
};

/** `GET /v1/environments` and `GET /v1/entity/:namespace/:kind/:name/:view`. */
export async function createEntityViewRouter(
  options: EntityViewRouterOptions,
): Promise<express.Router> {
  const { httpAuth, catalog, sources, views } = options;
  const entityCacheMs = options.entityCacheMs ?? 0;
  // Keyed by caller too: what the catalog returns depends on what the caller may see.
  const entities = new BoundedLruStore<Entity>({
    ...ENTITY_CACHE_LIMITS,
    sizeOf: () => ENTITY_BYTES,
  });
  const lookUp = async (
    ref: { kind: string; namespace: string; name: string },
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined> => {
    const caller = callerKey(credentials);
    const key = `${caller}|${ref.kind}:${ref.namespace}/${ref.name}`;
    const known = entityCacheMs > 0 ? entities.get(key) : undefined;
    if (known) {
      return known;
    }
    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (entity && entityCacheMs > 0) {
      entities.set(key, entity, Date.now() + entityCacheMs, caller);
    }
    return entity;
  };
  // Pages repeat the same few query strings; validating one costs more than the rest of a warm answer's
  // own work. Keyed by the raw query string (data, so a Map key), bounded, and only valid ones are kept.
  // A parsed query is about as large as its text, which the store counts with the key.
  const queries = new BoundedLruStore<ReturnType<typeof validateQuery>>({
    maxEntries: 1_000,
    maxBytes: 4 * 1024 * 1024,
    maxBytesPerOwner: 4 * 1024 * 1024,
    sizeOf: () => 256,
  });
  const parsedQueries = (req: express.Request) => {
    const cut = req.originalUrl.indexOf('?');
    const raw = cut < 0 ? '' : req.originalUrl.slice(cut + 1);
    const known = queries.get(raw);
    if (known) {
      return known;
    }
    const parsed = validateQuery(req.query);
    queries.set(raw, parsed, Number.MAX_SAFE_INTEGER, 'any');
    return parsed;
  };
  const router = Router();
  router.use(express.json());

  router.get('/v1/environments', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const body = sources.describe();
    res.json(body);
  });

  router.get('/v1/entity/:namespace/:kind/:name/:view', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { namespace, kind, name, view } = req.params;
    for (const [label, value] of Object.entries({ namespace, kind, name })) {
      if (!NAME.test(value)) {
        throw new InputError(`Invalid entity ${label} '${value}'`);
      }
    }
    const query = parsedQueries(req);
    if (query.cursor && query.env?.length !== 1) {
      throw new InputError(
        `Invalid 'cursor': give exactly one 'env' with a cursor`,
      );
    }
    let range;
    try {
      range = parseTimeRange({
        from: query.from,
        to: query.to,
        step: query.step,
      });
    } catch (e) {
      if (e instanceof TimeRangeError) {
        throw new InputError(e.message);
      }
      throw e;
    }
    // The view service aligns the range to its step, so relative ranges asked seconds apart share cache.
    const entity = await lookUp({ kind, namespace, name }, credentials);
    if (!entity) {
      throw new NotFoundError(`No entity ${kind}:${namespace}/${name}`);
    }
    const body = await views.runBytes(view, {
      entity,
      credentials,
      envs: query.env,
      range,
      params: {
        q: query.q,
        level: query.level,
        cursor: query.cursor,
        size: query.size,
      },
    });
    // Already UTF-8 JSON, cached environments spliced in as stored. Written with `end`, not `send`: `send`
    // would hash the whole answer for an ETag on every request (about 0.1 ms for a warm metrics answer).
    res.status(200);
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('content-length', String(body.length));
    res.end(body);
  });

  return router;
}
