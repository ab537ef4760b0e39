import crypto from 'node:crypto';
import express, { NextFunction, Request, Response } from 'express';
import { parseLabelSelector } from '../kubernetes/labelSelector';
import { Env, Scenario } from '../scenario';
import { buildApplications } from './buildApplications';

/** The static token clients may configure; sessions opened with admin/sandbox get their own token. */
export const ARGOCD_TOKEN = 'sandbox-argocd-token';
export const ARGOCD_USER = { username: 'admin', password: 'sandbox' };

function fail(res: Response, status: number, code: number, message: string) {
  res.status(status).json({ error: message, code, message });
}

/** The Argo CD REST API subset the deployments view reads. */
export function createArgoCdRouter(scenario: Scenario, env: Env) {
  const router = express.Router();
  const sessions = new Set<string>();
  router.use(express.json({ limit: '64kb' }));

  router.post('/api/v1/session', (req, res) => {
    const { username, password } = (req.body ?? {}) as Record<string, unknown>;
    if (username !== ARGOCD_USER.username || password !== ARGOCD_USER.password) {
      return fail(res, 401, 16, 'Invalid username or password');
    }
    const token = crypto.randomBytes(24).toString('hex');
    sessions.add(token);
    return res.json({ token });
  });

  router.get('/api/version', (_req, res) => {
    res.json({ Version: 'v2.13.0+sandbox' });
  });

  router.use((req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (token === ARGOCD_TOKEN || sessions.has(token)) return next();
    return fail(res, 401, 16, 'no session information');
  });

  router.get('/api/v1/applications', (req, res) => {
    let apps = buildApplications(scenario, env);
    const name = req.query.name;
    if (typeof name === 'string' && name) apps = apps.filter(a => a.metadata.name === name);
    const selector = req.query.selector;
    if (typeof selector === 'string' && selector) {
      try {
        const test = parseLabelSelector(selector);
        apps = apps.filter(a => test(a.metadata.labels));
      } catch (e) {
        return fail(res, 400, 3, (e as Error).message);
      }
    }
    return res.json({ metadata: { resourceVersion: String(Math.floor(scenario.anchorMs / 1000)) }, items: apps });
  });

  router.get('/api/v1/applications/:name', (req, res) => {
    const app = buildApplications(scenario, env).find(a => a.metadata.name === req.params.name);
    if (!app) return fail(res, 404, 5, `applications.argoproj.io "${req.params.name}" not found`);
    return res.json(app);
  });

  router.use((req, res) => fail(res, 404, 5, `unknown Argo CD API path ${req.path}`));
  return router;
}
