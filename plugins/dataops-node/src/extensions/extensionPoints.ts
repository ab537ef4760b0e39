import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { DataOpsViewsExtensionPoint } from './types';
import type { DataOpsSourcesExtensionPoint } from './sourceTypes';

/**
 * Lets a backend module add entity views, each backed by whatever data source it needs, without forking
 * the plugin. Example: a module that registers `storage` reading an Iceberg REST catalog.
 * @public
 */
export const dataopsViewsExtensionPoint =
  createExtensionPoint<DataOpsViewsExtensionPoint>({
    id: 'dataops.views',
  });

/**
 * Lets a backend module add an upstream source: how an environment configures it, the client built per
 * environment, and what `GET /v1/environments` says about it. The plugin's own sources (thanos,
 * opensearch, argocd, alertmanager, iceberg) are added through it too.
 * @public
 */
export const dataopsSourcesExtensionPoint =
  createExtensionPoint<DataOpsSourcesExtensionPoint>({
    id: 'dataops.sources',
  });
