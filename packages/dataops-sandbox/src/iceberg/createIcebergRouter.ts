import express, { NextFunction, Request, Response } from 'express';
import { Env, Scenario } from '../scenario';
import { buildLoadTableResult } from './buildTableMetadata';

/** The static bearer token clients configure (`dataops.environments[].iceberg.token`). */
export const ICEBERG_TOKEN = 'sandbox-iceberg-token';
/** Namespace levels arrive joined by the unit separator (the spec's default `namespace-separator`). */
const SEPARATOR = '\x1f';

function fail(res: Response, code: number, type: string, message: string) {
  res.status(code).json({ error: { message, type, code } });
}

/**
 * The Iceberg REST catalog subset the storage view reads (`GET /v1/config`, `loadTable`), serving the
 * example tables of this environment with the environment name as the catalog prefix.
 */
export function createIcebergRouter(scenario: Scenario, env: Env, now: () => number) {
  const router = express.Router();
  router.use((req: Request, res: Response, next: NextFunction) => {
    if (req.headers.authorization === `Bearer ${ICEBERG_TOKEN}`) return next();
    return fail(res, 401, 'NotAuthorizedException', 'Bearer token missing or invalid');
  });

  router.get('/v1/config', (_req, res) => {
    res.json({
      defaults: {},
      overrides: { prefix: env },
      endpoints: ['GET /v1/{prefix}/namespaces/{namespace}/tables/{table}'],
    });
  });

  router.get('/v1/:prefix/namespaces/:namespace/tables/:table', (req, res) => {
    const { prefix, namespace, table } = req.params;
    const name = [...namespace.split(SEPARATOR), table].join('.');
    const entity = prefix === env
      ? scenario
          .entitiesIn(env)
          .find(e => e.type === 'iceberg-table' && (e.annotation('dataops.io/iceberg-table', env) ?? e.name) === name)
      : undefined;
    if (!entity) {
      return fail(res, 404, 'NoSuchTableException', `Table does not exist: ${name}`);
    }
    return res.json(buildLoadTableResult(scenario, entity, env, name, now()));
  });

  return router;
}
