import express, { Request, Response } from 'express';
import { Env, Scenario } from '../scenario';
import { buildObjects, OBJECT_TYPES } from './buildObjects';
import { parseLabelSelector } from './labelSelector';

function status(res: Response, code: number, reason: string, message: string) {
  res.status(code).json({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code });
}

/**
 * The read-only Kubernetes API subset the Kubernetes plugin uses, for the clusters of one environment.
 * Workloads run in `<env>-compute`; other cluster names exist but are empty.
 */
export function createKubernetesRouter(scenario: Scenario, env: Env, now: () => number = Date.now) {
  const router = express.Router({ mergeParams: true });
  const cluster = `${env}-compute`;

  router.use('/:cluster', (req: Request, res, next) => {
    if (!/^(dev|stage|prod)-(compute|storage|portal|observability)$/.test(req.params.cluster) || !req.params.cluster.startsWith(`${env}-`)) {
      return status(res, 404, 'NotFound', `cluster ${req.params.cluster} does not exist in ${env}`);
    }
    return next();
  });

  router.get('/:cluster/version', (_req, res) => {
    res.json({ major: '1', minor: '30', gitVersion: 'v1.30.4-sandbox', platform: 'linux/amd64' });
  });
  router.get('/:cluster/api', (_req, res) => {
    res.json({ kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] });
  });
  router.get('/:cluster/apis', (_req, res) => {
    const groups = [...new Set(OBJECT_TYPES.filter(t => t.group).map(t => `${t.group}/${t.version}`))].map(gv => {
      const [group, version] = gv.split('/');
      return { name: group, versions: [{ groupVersion: gv, version }], preferredVersion: { groupVersion: gv, version } };
    });
    res.json({ kind: 'APIGroupList', apiVersion: 'v1', groups });
  });

  const list = (req: Request, res: Response) => {
    const { group, version, plural, namespace } = req.params as Record<string, string | undefined>;
    const type = OBJECT_TYPES.find(t => t.plural === plural && t.version === version && t.group === (group ?? ''));
    if (!type) return status(res, 404, 'NotFound', `the server could not find the requested resource (${plural})`);
    let selector: (l: Record<string, string>) => boolean = () => true;
    if (typeof req.query.labelSelector === 'string' && req.query.labelSelector) {
      try {
        selector = parseLabelSelector(req.query.labelSelector);
      } catch (e) {
        return status(res, 400, 'BadRequest', (e as Error).message);
      }
    }
    const fieldSelector = typeof req.query.fieldSelector === 'string' ? req.query.fieldSelector : '';
    const objectName = /involvedObject\.name=([^,]+)/.exec(fieldSelector)?.[1];
    const all = req.params.cluster === cluster ? buildObjects(scenario, env, now()).get(plural!) ?? [] : [];
    const items = all.filter(o =>
      (!namespace || o.metadata.namespace === namespace) &&
      (type.plural === 'events' ? !objectName || o.involvedObject?.name === objectName : selector(o.metadata.labels ?? {})),
    );
    return res.json({
      kind: `${type.kind}List`,
      apiVersion: type.group ? `${type.group}/${type.version}` : type.version,
      metadata: { resourceVersion: String(Math.floor(now() / 1000)) },
      items,
    });
  };

  router.get('/:cluster/api/:version/namespaces/:namespace/pods/:pod/log', (req, res) => {
    const pod = (buildObjects(scenario, env, now()).get('pods') ?? []).find(p => p.metadata.name === req.params.pod && p.metadata.namespace === req.params.namespace);
    if (!pod) return status(res, 404, 'NotFound', `pods "${req.params.pod}" not found`);
    const lines = [];
    for (let i = 20; i > 0; i--) {
      lines.push(`${new Date(now() - i * 15000).toISOString()} INFO ${pod.metadata.labels.app}: heartbeat ${i}`);
    }
    return res.type('text/plain').send(`${lines.join('\n')}\n`);
  });
  router.get('/:cluster/api/:version/:plural', list);
  router.get('/:cluster/api/:version/namespaces/:namespace/:plural', list);
  router.get('/:cluster/apis/:group/:version/:plural', list);
  router.get('/:cluster/apis/:group/:version/namespaces/:namespace/:plural', list);
  router.use((req, res) => status(res, 404, 'NotFound', `the server could not find the requested resource ${req.path}`));
  return router;
}
