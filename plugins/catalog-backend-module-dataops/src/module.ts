import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { DataOpsAnnotationProcessor } from './processor';

/**
 * Catalog module that validates `dataops.io/*` and Argo CD annotations against `dataops.environments`.
 * @public
 */
export const catalogModuleDataOps = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'dataops',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ catalog, config }) {
        catalog.addProcessor(DataOpsAnnotationProcessor.fromConfig(config));
      },
    });
  },
});
