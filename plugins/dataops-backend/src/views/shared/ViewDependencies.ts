import type {
  CacheService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { EnvironmentClients } from '../../clients';
import type { DataOpsConfig } from '../../config';

/** What the built-in views need besides their per-request context. */
export interface ViewDependencies {
  config: DataOpsConfig;
  clients(env: string): EnvironmentClients;
  cache: CacheService;
  permissions: PermissionsService;
}
