import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  DataOpsPermissionPolicy,
  readPolicyOptions,
} from './DataOpsPermissionPolicy';

export {
  DataOpsPermissionPolicy,
  readPolicyOptions,
} from './DataOpsPermissionPolicy';

/** Installs {@link DataOpsPermissionPolicy}; the backend adds it instead of allow-all in production. */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'dataops-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, config, userInfo }) {
        policy.setPolicy(
          new DataOpsPermissionPolicy(userInfo, readPolicyOptions(config)),
        );
      },
    });
  },
});
