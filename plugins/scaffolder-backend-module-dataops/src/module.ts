import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  createCatalogAnnotateAction,
  createMonitoringRenderAction,
} from './actions';

/**
 * Adds the DataOps onboarding actions to the scaffolder.
 * @public
 */
export const scaffolderModuleDataOps = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'dataops',
  register(env) {
    env.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(
          createMonitoringRenderAction(),
          createCatalogAnnotateAction(),
        );
      },
    });
  },
});
