import { hashString } from '../random';
import { Env, Scenario, TROUBLE } from '../scenario';

export interface ObjectType {
  group: string;
  version: string;
  plural: string;
  kind: string;
}

/** The resource types the Kubernetes plugin's backend lists (its default object types). */
export const OBJECT_TYPES: ObjectType[] = [
  { group: '', version: 'v1', plural: 'pods', kind: 'Pod' },
  { group: '', version: 'v1', plural: 'services', kind: 'Service' },
  { group: '', version: 'v1', plural: 'configmaps', kind: 'ConfigMap' },
  { group: '', version: 'v1', plural: 'limitranges', kind: 'LimitRange' },
  { group: '', version: 'v1', plural: 'resourcequotas', kind: 'ResourceQuota' },
  { group: '', version: 'v1', plural: 'events', kind: 'Event' },
  { group: 'apps', version: 'v1', plural: 'deployments', kind: 'Deployment' },
  { group: 'apps', version: 'v1', plural: 'replicasets', kind: 'ReplicaSet' },
  { group: 'apps', version: 'v1', plural: 'statefulsets', kind: 'StatefulSet' },
  { group: 'apps', version: 'v1', plural: 'daemonsets', kind: 'DaemonSet' },
  { group: 'autoscaling', version: 'v2', plural: 'horizontalpodautoscalers', kind: 'HorizontalPodAutoscaler' },
  { group: 'batch', version: 'v1', plural: 'jobs', kind: 'Job' },
  { group: 'batch', version: 'v1', plural: 'cronjobs', kind: 'CronJob' },
  { group: 'networking.k8s.io', version: 'v1', plural: 'ingresses', kind: 'Ingress' },
];

/** Objects of one cluster, keyed by plural. Only the `<env>-compute` cluster runs the workloads. */
export function buildObjects(scenario: Scenario, env: Env, nowMs: number): Map<string, any[]> {
  const out = new Map<string, any[]>(OBJECT_TYPES.map(t => [t.plural, []]));
  const push = (plural: string, obj: any) => out.get(plural)!.push(obj);
  const iso = (t: number) => new Date(t).toISOString();
  for (const entity of scenario.entitiesIn(env)) {
    const id = scenario.kubernetesId(entity, env);
    const pods = scenario.pods(entity, env);
    if (!id || pods.length === 0) continue;
    const namespace = pods[0].namespace;
    const labels = { 'backstage.io/kubernetes-id': id, app: id, 'app.kubernetes.io/part-of': 'dataops-platform', env };
    const uid = (name: string) => {
      const h = hashString(`${env}/${namespace}/${name}`).toString(16).padStart(8, '0');
      return `${h}-0000-4000-8000-${h}0000`;
    };
    const meta = (name: string, extra: Record<string, unknown> = {}) => ({
      name,
      namespace,
      uid: uid(name),
      labels,
      creationTimestamp: iso(scenario.anchorMs - 3 * 86400000),
      resourceVersion: String(hashString(name) % 100000),
      ...extra,
    });
    const crashing = scenario.is(TROUBLE.crashLoop, env, entity);
    const spark = entity.type === 'spark-job';
    const deployName = spark ? `${id}-driver` : `${id}-worker`;
    const rsName = `${deployName}-${(hashString(`${env}/${id}/rs`) % 0xffffff).toString(16)}`;
    const replicas = pods.length;
    const ready = crashing ? replicas - 1 : replicas;
    const restarts = crashing ? Math.max(1, Math.floor((nowMs - (scenario.anchorMs - 3600000)) / 300000)) : 0;
    const image = `registry.example.com/dataops/${id}:1.${hashString(id) % 40}.0`;
    const container = (name: string) => ({
      name,
      image,
      resources: { limits: { cpu: '2', memory: spark ? '8Gi' : '2Gi' }, requests: { cpu: '500m', memory: spark ? '4Gi' : '1Gi' } },
      readinessProbe: { httpGet: { path: '/healthz', port: 4040 }, periodSeconds: 10 },
      ports: [{ containerPort: 4040, name: 'ui', protocol: 'TCP' }],
    });
    push('deployments', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta(deployName, { annotations: { 'deployment.kubernetes.io/revision': '5' } }),
      spec: { replicas, selector: { matchLabels: { app: id } }, template: { metadata: { labels }, spec: { containers: [container(pods[0].container)] } }, strategy: { type: 'RollingUpdate' } },
      status: {
        observedGeneration: 5, replicas, updatedReplicas: replicas, readyReplicas: ready, availableReplicas: ready,
        ...(crashing ? { unavailableReplicas: 1 } : {}),
        conditions: [
          { type: 'Available', status: crashing ? 'False' : 'True', reason: crashing ? 'MinimumReplicasUnavailable' : 'MinimumReplicasAvailable', lastTransitionTime: iso(scenario.anchorMs - 3600000) },
          { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', lastTransitionTime: iso(scenario.anchorMs - 3 * 86400000) },
        ],
      },
    });
    push('replicasets', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: meta(rsName, { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: deployName, uid: uid(deployName), controller: true }] }),
      spec: { replicas, selector: { matchLabels: { app: id } } },
      status: { replicas, readyReplicas: ready, availableReplicas: ready, fullyLabeledReplicas: replicas, observedGeneration: 5 },
    });
    for (const pod of pods) {
      const bad = crashing && pod.role !== 'executor';
      const started = iso(scenario.anchorMs - 3 * 86400000 + (hashString(pod.name) % 3600) * 1000);
      push('pods', {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: meta(pod.name, { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rsName, uid: uid(rsName), controller: true }] }),
        spec: { containers: [container(pod.container)], nodeName: `${env}-compute-worker-${hashString(pod.name) % 6}`, restartPolicy: 'Always', serviceAccountName: spark ? 'spark' : 'airflow-worker' },
        status: {
          phase: 'Running',
          podIP: `10.42.${hashString(pod.name) % 250}.${(hashString(pod.name) >> 8) % 250}`,
          hostIP: `10.0.1.${hashString(pod.name) % 6 + 10}`,
          startTime: started,
          qosClass: 'Burstable',
          conditions: [
            { type: 'Initialized', status: 'True', lastTransitionTime: started },
            { type: 'Ready', status: bad ? 'False' : 'True', lastTransitionTime: started, ...(bad ? { reason: 'ContainersNotReady', message: `containers with unready status: [${pod.container}]` } : {}) },
            { type: 'ContainersReady', status: bad ? 'False' : 'True', lastTransitionTime: started },
            { type: 'PodScheduled', status: 'True', lastTransitionTime: started },
          ],
          containerStatuses: [{
            name: pod.container,
            image,
            imageID: `registry.example.com/dataops/${id}@sha256:${hashString(image).toString(16).padStart(64, '0')}`,
            ready: !bad,
            started: !bad,
            restartCount: bad ? restarts : 0,
            state: bad
              ? { waiting: { reason: 'CrashLoopBackOff', message: `back-off 5m0s restarting failed container=${pod.container} pod=${pod.name}` } }
              : { running: { startedAt: started } },
            ...(bad ? { lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: iso(nowMs - 200000), finishedAt: iso(nowMs - 140000) } } } : {}),
          }],
        },
      });
      if (bad) {
        push('events', {
          apiVersion: 'v1',
          kind: 'Event',
          metadata: { ...meta(`${pod.name}.back-off`), labels: undefined },
          involvedObject: { kind: 'Pod', name: pod.name, namespace, uid: uid(pod.name) },
          reason: 'BackOff',
          message: `Back-off restarting failed container ${pod.container} in pod ${pod.name}`,
          type: 'Warning',
          count: restarts,
          firstTimestamp: iso(scenario.anchorMs - 3600000),
          lastTimestamp: iso(nowMs - 60000),
        });
      }
    }
    push('services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta(`${id}-ui`),
      spec: { type: 'ClusterIP', clusterIP: `10.43.${hashString(id) % 250}.${hashString(id) % 200 + 2}`, selector: { app: id }, ports: [{ name: 'ui', port: 4040, targetPort: 4040, protocol: 'TCP' }] },
      status: { loadBalancer: {} },
    });
    push('configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: meta(`${id}-config`),
      data: spark
        ? { 'spark-defaults.conf': 'spark.executor.memory 6g\nspark.sql.catalog.lake org.apache.iceberg.spark.SparkCatalog\n' }
        : { 'airflow.cfg': '[core]\nparallelism = 16\n' },
    });
    if (spark && entity.name === 'clickstream-sessionizer') {
      push('horizontalpodautoscalers', {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: meta(`${id}-executors`),
        spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: deployName }, minReplicas: 2, maxReplicas: 8, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }] },
        status: { currentReplicas: replicas, desiredReplicas: replicas, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 55, averageValue: '1100m' } } }] },
      });
    }
    if (!spark) {
      push('cronjobs', {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: meta(`${id}-trigger`),
        spec: { schedule: '0 * * * *', suspend: false, concurrencyPolicy: 'Forbid', jobTemplate: { spec: { template: { spec: { containers: [container('trigger')], restartPolicy: 'OnFailure' } } } } },
        status: { lastScheduleTime: iso(Math.floor(nowMs / 3600000) * 3600000), lastSuccessfulTime: iso(Math.floor(nowMs / 3600000) * 3600000 + 90000) },
      });
      const jobName = `${id}-trigger-${Math.floor(nowMs / 3600000)}`;
      push('jobs', {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: meta(jobName, { ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: `${id}-trigger`, uid: uid(`${id}-trigger`), controller: true }] }),
        spec: { completions: 1, parallelism: 1, backoffLimit: 2 },
        status: { startTime: iso(Math.floor(nowMs / 3600000) * 3600000), completionTime: iso(Math.floor(nowMs / 3600000) * 3600000 + 90000), succeeded: 1 },
      });
    }
  }
  return out;
}
