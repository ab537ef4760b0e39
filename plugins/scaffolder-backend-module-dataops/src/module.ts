import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { readValidationOptions } from '@dataops-observability/plugin-catalog-backend-module-dataops';
import {
  createCatalogAnnotateAction,
  createMonitoringRenderAction,
} from './actions';
import { readStorageCheckSettings } from './config';

/**
 * Adds the DataOps onboarding actions to the scaffolder. They read `dataops.environments` the way the
 * catalog processor does (same reader), so an environment the installation does not have is refused and
 * every annotation written passes the catalog's data scope rule; `dataops.storage.checks` sets the
 * thresholds of the storage alerts.
 * @public
 */
export const scaffolderModuleDataOps = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'dataops',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, config }) {
        const { environments } = readValidationOptions(config);
        const storageChecks = readStorageCheckSettings(config);
        scaffolder.addActions(
          createMonitoringRenderAction({ environments, storageChecks }),
          createCatalogAnnotateAction({ environments }),
        );
      },
    });
  },
});
