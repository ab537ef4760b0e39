import { hashString, Rng } from '../random';
import { Env, Scenario, TROUBLE } from '../scenario';

const REPO = 'https://bitbucket.example.com/scm/dataops/deployments.git';

function revision(key: string): string {
  return new Rng(key).hex(40);
}

/** Argo CD Application objects (v1alpha1) of one environment, with deploy history ending before start-up. */
export function buildApplications(scenario: Scenario, env: Env): any[] {
  const apps: any[] = [];
  for (const entity of scenario.entitiesIn(env)) {
    const name = scenario.argoAppName(entity, env);
    if (!name) continue;
    const id = scenario.kubernetesId(entity, env) ?? entity.name;
    const namespace = entity.type === 'spark-job' ? 'spark' : 'airflow';
    const rng = new Rng(`${scenario.seed}/${env}/${name}/argocd`);
    const history = [];
    let at = scenario.anchorMs - rng.int(2, 20) * 3600000;
    for (let i = 5; i >= 1; i--) {
      const deployedAt = at;
      history.unshift({
        id: i,
        revision: revision(`${env}/${name}/${i}`),
        deployStartedAt: new Date(deployedAt - rng.int(40, 400) * 1000).toISOString(),
        deployedAt: new Date(deployedAt).toISOString(),
        source: { repoURL: REPO, path: `apps/${id}/overlays/${env}`, targetRevision: 'main' },
        initiatedBy: { automated: true },
      });
      at -= rng.int(6, 60) * 3600000;
    }
    const last = history[history.length - 1];
    const outOfSync = scenario.is(TROUBLE.outOfSync, env, entity);
    const crashLoop = scenario.is(TROUBLE.crashLoop, env, entity);
    const driftAt = scenario.anchorMs - TROUBLE.outOfSync.sinceMinutes * 60000;
    const targetRevision = outOfSync ? revision(`${env}/${name}/drift`) : last.revision;
    const iso = (t: number) => new Date(t).toISOString();
    apps.push({
      metadata: {
        name,
        namespace: 'argocd',
        uid: `${hashString(`${env}/${name}`).toString(16)}-0000-4000-8000-000000000000`,
        creationTimestamp: iso(scenario.anchorMs - 90 * 86400000),
        labels: {
          'app.kubernetes.io/part-of': 'dataops-platform',
          'backstage.io/kubernetes-id': id,
          team: entity.owner,
          env,
        },
      },
      spec: {
        project: 'dataops',
        source: { repoURL: REPO, path: `apps/${id}/overlays/${env}`, targetRevision: 'main' },
        destination: { server: 'https://kubernetes.default.svc', namespace },
        syncPolicy: { automated: { prune: true, selfHeal: true } },
      },
      status: {
        sync: {
          status: outOfSync ? 'OutOfSync' : 'Synced',
          revision: targetRevision,
          comparedTo: { source: { repoURL: REPO, path: `apps/${id}/overlays/${env}`, targetRevision: 'main' }, destination: { server: 'https://kubernetes.default.svc', namespace } },
        },
        health: crashLoop
          ? { status: 'Degraded', message: 'Deployment has pods in CrashLoopBackOff (back-off restarting failed container)' }
          : { status: 'Healthy' },
        history,
        reconciledAt: iso(scenario.anchorMs),
        sourceType: 'Kustomize',
        summary: { images: [`registry.example.com/dataops/${id}:${last.revision.slice(0, 7)}`] },
        conditions: outOfSync
          ? [{ type: 'SyncError', message: `Failed sync attempt to ${targetRevision.slice(0, 7)}: one or more objects failed to apply (admission webhook denied the request)`, lastTransitionTime: iso(driftAt) }]
          : undefined,
        operationState: outOfSync
          ? {
              operation: { sync: { revision: targetRevision }, initiatedBy: { automated: true } },
              phase: 'Failed',
              message: 'one or more objects failed to apply, reason: admission webhook "validate.kyverno.svc" denied the request',
              startedAt: iso(driftAt),
              finishedAt: iso(driftAt + 25000),
            }
          : {
              operation: { sync: { revision: last.revision }, initiatedBy: { automated: true } },
              phase: 'Succeeded',
              message: 'successfully synced (all tasks run)',
              startedAt: last.deployStartedAt,
              finishedAt: last.deployedAt,
              syncResult: { revision: last.revision, source: last.source },
            },
      },
    });
  }
  return apps;
}
