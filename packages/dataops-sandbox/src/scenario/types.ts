/** The environments the sandbox serves; the example catalog may use any subset of them per entity. */
export const ENVIRONMENTS = ['dev', 'stage', 'prod'] as const;

export type Env = (typeof ENVIRONMENTS)[number];

export type WorkloadType = 'spark-job' | 'airflow-dag' | 'iceberg-table';

/** One storage dependency from `dataops.io/storage` (`s3:sales-lake` -> kind s3, name sales-lake). */
export interface StorageRef {
  kind: string;
  name: string;
}

/** An example entity as the sandbox needs it, with per-environment annotation overrides already applied. */
export interface ScenarioEntity {
  kind: string;
  name: string;
  type: WorkloadType;
  owner: string;
  environments: Env[];
  /** Annotation value for one environment: `key.<env>` wins over `key`. */
  annotation(key: string, env: Env): string | undefined;
}

/** The services each environment exposes; also the names DATAOPS_SANDBOX_DOWN / _SLOW accept. */
export const SERVICES = [
  'prometheus',
  'opensearch',
  'argocd',
  'alertmanager',
  'k8s',
  'iceberg',
  'airflow',
  'sparkHistory',
] as const;

export type ServiceName = (typeof SERVICES)[number];
