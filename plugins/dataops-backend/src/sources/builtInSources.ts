import type { DataOpsSource } from '@dataops-observability/plugin-dataops-node';
import { airflowSource } from './airflow';
import { alertmanagerSource } from './alertmanager';
import { argocdSource } from './argocd';
import { icebergSource } from './iceberg';
import { opensearchSource } from './opensearch';
import { sparkHistorySource } from './sparkHistory';
import { thanosSource } from './thanos';

/**
 * The plugin's own sources, in the order `GET /v1/environments` lists them. The plugin adds them through
 * the `dataops.sources` extension point, as a module adds its own.
 */
export const BUILT_IN_SOURCES: ReadonlyArray<DataOpsSource<any, any>> = [
  thanosSource,
  opensearchSource,
  argocdSource,
  alertmanagerSource,
  icebergSource,
  airflowSource,
  sparkHistorySource,
];
