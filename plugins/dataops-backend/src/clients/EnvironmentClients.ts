import type { EnvironmentConfig } from '../config';
import { AlertmanagerClient } from './alertmanager';
import { ArgoCdClient } from './argocd';
import { IcebergRestClient } from './iceberg';
import { OpenSearchLogsClient } from './opensearch';
import { PrometheusClient } from './prometheus';

/**
 * The upstream clients of one environment, built once at start-up so connection pools, concurrency caps
 * and Argo CD sessions live as long as the backend.
 */
export class EnvironmentClients {
  readonly prometheus?: PrometheusClient;
  readonly opensearch?: OpenSearchLogsClient;
  readonly argocd: ArgoCdClient[];
  readonly alertmanager?: AlertmanagerClient;
  readonly iceberg?: IcebergRestClient;

  constructor(readonly config: EnvironmentConfig) {
    const timeout = config.timeoutMs;
    const maxBytes = config.maxResponseBytes;
    this.prometheus =
      config.thanos && new PrometheusClient(config.thanos, timeout, maxBytes);
    this.opensearch =
      config.opensearch &&
      new OpenSearchLogsClient(config.opensearch, timeout, maxBytes);
    this.argocd = config.argocd.map(
      i => new ArgoCdClient(i, timeout, maxBytes),
    );
    this.alertmanager =
      config.alertmanager &&
      new AlertmanagerClient(config.alertmanager, timeout, maxBytes);
    this.iceberg =
      config.iceberg &&
      new IcebergRestClient(config.iceberg, timeout, maxBytes);
  }
}
