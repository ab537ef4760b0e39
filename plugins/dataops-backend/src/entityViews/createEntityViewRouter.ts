import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  TimeRangeError,
  parseTimeRange,
} from '@dataops-observability/plugin-dataops-common';
import type { EnvironmentSources } from '../sources';
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
  const parsed = querySchema.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue.path[0] ?? '';
    throw new InputError(
      issue.code === 'unrecognized_keys'
        ? // Quoted, so an empty or blank parameter name still shows.
          `Unknown query parameter(s): ${issue.keys
            .map(k => `'${k}'`)
            .join(', ')}`
        : `Invalid '${String(name)}': ${issue.message}`,
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
}

/** `GET /v1/environments` and `GET /v1/entity/:namespace/:kind/:name/:view`. */
export async function createEntityViewRouter(
  options: EntityViewRouterOptions,
): Promise<express.Router> {
  const { httpAuth, catalog, sources, views } = options;
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
    const query = parseQuery(req.query);
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
    // Relative ranges move every second; aligning them to the step lets repeated page views share cache.
    if (!query.to || query.to.startsWith('now')) {
      const shift = range.to % range.step;
      range = { ...range, from: range.from - shift, to: range.to - shift };
    }
    const entity = await catalog.getEntityByRef(
      { kind, namespace, name },
      { credentials },
    );
    if (!entity) {
      throw new NotFoundError(`No entity ${kind}:${namespace}/${name}`);
    }
    // Already JSON: cached environments are spliced in without a parse and re-serialisation.
    res.type('application/json').send(
      await views.runJson(view, {
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
      }),
    );
  });

  return router;
}
