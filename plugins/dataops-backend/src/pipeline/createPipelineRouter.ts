import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { InputError, NotFoundError } from '@backstage/errors';
import { describeFirstIssue } from '@dataops-observability/plugin-dataops-common';
import type { PipelineService } from './PipelineService';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/;
const ENV = /^[A-Za-z0-9_-]{1,63}$/;

const querySchema = z
  .object({
    env: z
      .union([
        z.string().regex(ENV, 'not an environment name'),
        z
          .array(z.string().regex(ENV, 'not an environment name'))
          .max(20, 'at most 20 values'),
      ])
      .optional()
      .transform(v => (v === undefined || Array.isArray(v) ? v : [v])),
  })
  .strict();

/** `GET /v1/pipeline/:namespace/:kind/:name`: the chain the entity belongs to, per environment. */
export async function createPipelineRouter(options: {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  pipeline: PipelineService;
  environments: string[];
}): Promise<express.Router> {
  const router = Router();
  router.get('/v1/pipeline/:namespace/:kind/:name', async (req, res) => {
    const credentials = await options.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { namespace, kind, name } = req.params;
    for (const [label, value] of [
      ['namespace', namespace],
      ['kind', kind],
      ['name', name],
    ] as const) {
      if (!NAME.test(value)) {
        throw new InputError(
          `Invalid '${label}': '${value.slice(
            0,
            80,
          )}' is not an entity ${label}`,
        );
      }
    }
    const parsed = querySchema.safeParse(req.query);
    if (!parsed.success) {
      throw new InputError(
        describeFirstIssue(parsed.error.issues, { source: 'query' }),
      );
    }
    for (const env of parsed.data.env ?? []) {
      if (!options.environments.includes(env)) {
        throw new InputError(
          `Invalid 'env': unknown environment '${env}'; configured: ${options.environments.join(
            ', ',
          )}`,
        );
      }
    }
    // As the caller: an entity they may not read is indistinguishable from one that does not exist.
    const entity = await options.catalog.getEntityByRef(
      { kind, namespace, name },
      { credentials },
    );
    if (!entity) {
      throw new NotFoundError(`No entity ${kind}:${namespace}/${name}`);
    }
    res.json(
      await options.pipeline.pipeline(
        entity,
        parsed.data.env ?? options.environments,
        credentials,
      ),
    );
  });
  return router;
}
