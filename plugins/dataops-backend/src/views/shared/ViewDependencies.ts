import type {
  CacheService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { DataOpsConfig } from '../../config';

/**
 * What the built-in views need besides their per-request context. Upstream clients are not here: a view
 * gets them from `ctx.source(...)`, as a module's view does.
 */
export interface ViewDependencies {
  config: DataOpsConfig;
  cache: CacheService;
  permissions: PermissionsService;
}
