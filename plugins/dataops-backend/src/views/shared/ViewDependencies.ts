import type {
  BackstageCredentials,
  CacheService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { DataOpsConfig } from '../../config';
import type { AttributedAlerts, OwnershipIndex } from '../../teams';

/**
 * What the built-in views need besides their per-request context. Upstream clients are not here: a view
 * gets them from `ctx.source(...)`, as a module's view does.
 */
export interface ViewDependencies {
  config: DataOpsConfig;
  cache: CacheService;
  permissions: PermissionsService;
  /**
   * The alert ownership the team views use, so the entity alerts card shows exactly the alerts the team
   * view gives the entity: the ownership index (built with the plugin's credentials, cached briefly) and
   * every Alertmanager's alerts, each in the environment it is attributed to.
   */
  alertOwnership: {
    index(): Promise<OwnershipIndex>;
    readAlerts(): Promise<AttributedAlerts>;
    /** Which of `entityRefs` the caller may read, in lower case. */
    visibleEntities(
      entityRefs: Iterable<string>,
      credentials: BackstageCredentials,
    ): Promise<Set<string>>;
  };
}
