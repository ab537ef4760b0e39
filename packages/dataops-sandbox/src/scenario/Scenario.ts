import { hashString } from '../random';
import { Faults } from './Faults';
import { loadCatalog } from './loadCatalog';
import { Env, ScenarioEntity } from './types';

/**
 * The scripted trouble, by entity and environment (README lists it). Times are relative to the scenario's
 * anchor (start-up, rounded to the minute) so that a freshly started demo always shows every state.
 */
export const TROUBLE = {
  gcClimb: {
    env: 'prod',
    entity: 'daily-sales-etl',
    fromRatio: 0.06,
    toRatio: 0.27,
    rampMinutes: 90,
  },
  failingDag: {
    env: 'stage',
    entity: 'sales-daily-pipeline',
    failureRatio: 0.45,
  },
  outOfSync: {
    env: 'prod',
    entity: 'clickstream-sessionizer',
    sinceMinutes: 12,
  },
  crashLoop: { env: 'stage', entity: 'clickstream-sessionizer' },
  icebergBloat: {
    env: 'prod',
    entity: 'marketing-web-sessions',
    snapshots: 150,
    smallFileRatio: 0.4,
  },
  notCollected: [
    { env: 'dev', metric: 'spark_driver_dagscheduler_job_activejobs' },
    { env: 'stage', metric: 'kube_pod_status_phase' },
  ],
  fastBurn: {
    env: 'prod',
    entity: 'marketing-attribution',
    failureRatio: 0.2,
    sinceMinutes: 75,
  },
  // A broken pipeline (docs/pipelines.md): from 150 minutes before start-up every prod run of the DAG fails in
  // its first task (the source never arrives), so the Spark job it submits stops running and the table it
  // writes stops getting commits.
  brokenPipeline: {
    env: 'prod',
    entity: 'sales-returns-pipeline',
    job: 'sales-returns-etl',
    table: 'sales-returns',
    sinceMinutes: 150,
    failingTask: 'wait_for_source',
  },
  // A dead exporter: from 30 minutes before start-up the prod JVM GC series of one Spark job are no longer
  // scraped (samples up to that minute, none after), so the default panel reading them (`gc-time-ratio`,
  // "GC time ratio") is `stale` once its newest sample is older than the 10-minute bound.
  staleSeries: {
    env: 'prod',
    entity: 'sales-refunds-etl',
    metrics: [
      'jvm_gc_collection_seconds_sum',
      'jvm_gc_collection_seconds_count',
    ],
    panel: 'gc-time-ratio',
    stoppedMinutes: 30,
  },
} as const;

/**
 * Iceberg tables take a streaming commit every two minutes; compaction leaves one live snapshot per half
 * hour of the day until the nightly expiry. The exporter series and the REST catalog share these so they agree.
 */
export const ICEBERG_TIMING = {
  commitEveryS: 120,
  snapshotPileUpS: 1800,
} as const;

export interface PodInfo {
  name: string;
  namespace: string;
  container: string;
  role: 'driver' | 'executor' | 'worker';
}

/** Label set an entity's series carry: the equality matchers of its prometheus selector. */
function selectorLabels(selector: string | undefined): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const m of (selector ?? '').matchAll(
    /([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"([^"]*)"/g,
  )) {
    labels[m[1]] = m[2];
  }
  return labels;
}

/** Everything generated data is derived from: entities, environments, seed, time anchor and faults. */
export class Scenario {
  readonly seed: number;

  constructor(
    readonly entities: ScenarioEntity[],
    readonly anchorMs: number,
    readonly faults: Faults,
    seedText: string = 'dataops-sandbox',
  ) {
    this.seed = hashString(seedText);
  }

  static fromEnv(nowMs: number = Date.now()): Scenario {
    return new Scenario(
      loadCatalog(),
      Math.floor(nowMs / 60000) * 60000,
      Faults.fromEnv(),
      process.env.DATAOPS_SANDBOX_SEED ?? 'dataops-sandbox',
    );
  }

  entitiesIn(env: Env): ScenarioEntity[] {
    return this.entities.filter(e => e.environments.includes(env));
  }

  entityRef(entity: ScenarioEntity): string {
    return `${entity.kind.toLowerCase()}:default/${entity.name}`;
  }

  is(
    trouble: { env: string; entity: string },
    env: Env,
    entity: ScenarioEntity,
  ): boolean {
    return trouble.env === env && trouble.entity === entity.name;
  }

  /** When the scripted broken pipeline started failing. */
  get brokenPipelineSinceMs(): number {
    return this.anchorMs - TROUBLE.brokenPipeline.sinceMinutes * 60000;
  }

  /** Whether `entity` is `step` (the DAG, its job or its table) of the broken pipeline, in its environment. */
  isBrokenPipeline(
    step: 'entity' | 'job' | 'table',
    env: Env,
    entity: ScenarioEntity,
  ): boolean {
    return this.is(
      { env: TROUBLE.brokenPipeline.env, entity: TROUBLE.brokenPipeline[step] },
      env,
      entity,
    );
  }

  /**
   * The last instant `metric` of `entity` has samples in `env`, when its exporter is scripted to stop
   * (TROUBLE.staleSeries); `undefined` for series that keep going.
   */
  seriesEndMs(
    env: Env,
    entity: ScenarioEntity,
    metric: string,
  ): number | undefined {
    const stale = TROUBLE.staleSeries;
    return this.is(stale, env, entity) &&
      (stale.metrics as readonly string[]).includes(metric)
      ? this.anchorMs - stale.stoppedMinutes * 60000
      : undefined;
  }

  isCollected(env: Env, metric: string): boolean {
    return !TROUBLE.notCollected.some(
      n => n.env === env && n.metric === metric,
    );
  }

  labels(entity: ScenarioEntity, env: Env): Record<string, string> {
    const labels = selectorLabels(
      entity.annotation('dataops.io/prometheus-selector', env),
    );
    if (!labels.namespace) {
      labels.namespace = {
        'airflow-dag': 'airflow',
        'spark-job': 'spark',
        'iceberg-table': 'iceberg',
      }[entity.type];
    }
    if (entity.type === 'spark-job' && !labels.app) {
      labels.app =
        entity.annotation('dataops.io/spark-app-name', env) ?? entity.name;
    }
    return labels;
  }

  kubernetesId(entity: ScenarioEntity, env: Env): string | undefined {
    return entity.annotation('backstage.io/kubernetes-id', env);
  }

  argoAppName(entity: ScenarioEntity, env: Env): string | undefined {
    if (entity.type === 'iceberg-table') {
      return undefined;
    }
    return entity.annotation('argocd/app-name', env) ?? entity.name;
  }

  /** Pods of a workload; shared by the metrics, the logs and the Kubernetes API so they name the same pods. */
  pods(entity: ScenarioEntity, env: Env): PodInfo[] {
    const id = this.kubernetesId(entity, env) ?? entity.name;
    const suffix = (salt: string) =>
      (hashString(`${env}/${id}/${salt}`) % 0xfffff)
        .toString(36)
        .padStart(4, '0');
    if (entity.type === 'spark-job') {
      const namespace = this.labels(entity, env).namespace;
      return [
        {
          name: `${id}-driver-${suffix('d')}`,
          namespace,
          container: 'spark-kubernetes-driver',
          role: 'driver',
        },
        {
          name: `${id}-exec-1-${suffix('e1')}`,
          namespace,
          container: 'spark-kubernetes-executor',
          role: 'executor',
        },
        {
          name: `${id}-exec-2-${suffix('e2')}`,
          namespace,
          container: 'spark-kubernetes-executor',
          role: 'executor',
        },
      ];
    }
    if (entity.type === 'airflow-dag') {
      return [
        {
          name: `${id}-worker-${suffix('w')}`,
          namespace: 'airflow',
          container: 'base',
          role: 'worker',
        },
      ];
    }
    return [];
  }

  /** Storage names used anywhere in the catalog plus the platform's fixed ones, by kind. */
  storage(env: Env): Map<string, Set<string>> {
    const byKind = new Map<string, Set<string>>([
      ['s3', new Set(['sales-lake', 'marketing-lake', 'warehouse-lake'])],
      ['oracle', new Set(['CRM_TS', 'WMS_TS'])],
      ['ceph', new Set(['rbd-warehouse'])],
      ['hive', new Set(['metastore'])],
    ]);
    for (const entity of this.entitiesIn(env)) {
      for (const item of (
        entity.annotation('dataops.io/storage', env) ?? ''
      ).split(',')) {
        const [kind, name] = item.trim().split(':');
        if (kind && name) {
          if (!byKind.has(kind)) {
            byKind.set(kind, new Set());
          }
          byKind.get(kind)!.add(name);
        }
      }
    }
    return byKind;
  }
}
