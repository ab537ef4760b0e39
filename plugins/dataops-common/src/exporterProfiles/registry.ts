import {
  AIRFLOW_STATSD_CHART,
  AIRFLOW_STATSD_OUTCOME,
} from './airflowProfiles';
import { ICEBERG_TABLE_EXPORTER } from './icebergProfiles';
import { KUBE_STATE_METRICS_CADVISOR } from './kubernetesProfiles';
import { SPARK_OPERATOR_JMX, SPARK_STANDALONE } from './sparkProfiles';
import {
  CEPH_MGR,
  HIVE_METASTORE_JMX,
  MINIO_V2,
  MINIO_V3,
  ORACLEDB_EXPORTER,
} from './storageProfiles';
import {
  ExporterProfile,
  PROFILE_LAYERS,
  ProfileLayer,
  ProfileSelection,
} from './types';

/** Every exporter profile the suite knows, by id. @public */
export const EXPORTER_PROFILES: ReadonlyMap<string, ExporterProfile> = new Map(
  [
    SPARK_OPERATOR_JMX,
    SPARK_STANDALONE,
    KUBE_STATE_METRICS_CADVISOR,
    AIRFLOW_STATSD_CHART,
    AIRFLOW_STATSD_OUTCOME,
    ICEBERG_TABLE_EXPORTER,
    MINIO_V2,
    MINIO_V3,
    HIVE_METASTORE_JMX,
    ORACLEDB_EXPORTER,
    CEPH_MGR,
  ].map(p => [p.id, p]),
);

/**
 * The most common stack: Spark on Kubernetes with the Kubeflow operator, kube-state-metrics and cAdvisor,
 * Airflow's official Helm chart, MinIO metrics v2 (what existing deployments scrape), the ceph-mgr module.
 * @public
 */
export const DEFAULT_PROFILE_SELECTION: Readonly<ProfileSelection> = {
  spark: SPARK_OPERATOR_JMX.id,
  kubernetes: KUBE_STATE_METRICS_CADVISOR.id,
  airflow: AIRFLOW_STATSD_CHART.id,
  iceberg: ICEBERG_TABLE_EXPORTER.id,
  s3: MINIO_V2.id,
  hive: HIVE_METASTORE_JMX.id,
  oracle: ORACLEDB_EXPORTER.id,
  ceph: CEPH_MGR.id,
};

/** Ids of the profiles that can serve `layer`, for error messages and docs. @public */
export function profilesOfLayer(layer: ProfileLayer): string[] {
  return [...EXPORTER_PROFILES.values()]
    .filter(p => p.layer === layer)
    .map(p => p.id);
}

/**
 * A full selection from a partial one (e.g. read from configuration) over `base`. Throws naming the layer
 * and the profiles it accepts when a layer is unknown or a profile does not exist or serves another layer.
 * @public
 */
export function resolveProfileSelection(
  partial: ReadonlyMap<string, string>,
  base: Readonly<ProfileSelection> = DEFAULT_PROFILE_SELECTION,
): ProfileSelection {
  const selection: ProfileSelection = { ...base };
  for (const [layer, id] of partial) {
    if (!(PROFILE_LAYERS as readonly string[]).includes(layer)) {
      throw new Error(
        `unknown layer '${layer}'; layers: ${PROFILE_LAYERS.join(', ')}`,
      );
    }
    const profile = EXPORTER_PROFILES.get(id);
    if (!profile || profile.layer !== layer) {
      throw new Error(
        `unknown ${layer} profile '${id}'; known: ${profilesOfLayer(
          layer as ProfileLayer,
        ).join(', ')}`,
      );
    }
    selection[layer as ProfileLayer] = id;
  }
  return selection;
}

/** The profile a selection names for `layer`. @public */
export function selectedProfile(
  selection: Readonly<ProfileSelection>,
  layer: ProfileLayer,
): ExporterProfile {
  const profile = EXPORTER_PROFILES.get(selection[layer]);
  if (!profile) {
    throw new Error(`unknown ${layer} profile '${selection[layer]}'`);
  }
  return profile;
}

/** Layer of the SLI template of each entity type. @public */
export const SLI_LAYER_OF_ENTITY_TYPE: ReadonlyMap<string, ProfileLayer> =
  new Map([
    ['spark-job', 'spark'],
    ['airflow-dag', 'airflow'],
    ['iceberg-table', 'iceberg'],
  ]);
