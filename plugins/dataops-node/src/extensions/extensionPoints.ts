import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { DataOpsViewsExtensionPoint } from './types';

/**
 * Lets a backend module add entity views, each backed by whatever data source it needs, without forking
 * the plugin. Example: a module that registers `storage` reading an Iceberg REST catalog.
 * @public
 */
export const dataopsViewsExtensionPoint =
  createExtensionPoint<DataOpsViewsExtensionPoint>({
    id: 'dataops.views',
  });
