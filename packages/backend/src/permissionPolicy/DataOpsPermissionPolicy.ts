import type { UserInfoService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  catalogEntityCreatePermission,
  catalogEntityDeletePermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  PolicyDecision,
  isPermission,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  dataopsAlertRoutingReadPermission,
  dataopsLogsReadPermission,
} from '@dataops-observability/plugin-dataops-common';

/** Who may do what beyond reading, from `dataopsPermissionPolicy` in app-config. */
export interface DataOpsPolicyOptions {
  /** Groups (entity refs) whose members may register, change and remove catalog entities and locations. */
  catalogAdminGroups: string[];
  /** Groups whose members may read every entity's logs, e.g. on-call or a read-only management role. */
  logReaderGroups: string[];
}

/** Registering or unregistering entities decides whose alerts, logs and routes exist: admins only. */
const CATALOG_WRITES = [
  catalogEntityCreatePermission,
  catalogEntityDeletePermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
];

/**
 * Admins only: catalog writes, and the Alertmanager routing tree, which names every group that owns an
 * alert-owning entity and is meant for the operators who configure Alertmanager.
 */
const ADMIN_ONLY = [...CATALOG_WRITES, dataopsAlertRoutingReadPermission];

export function readPolicyOptions(config: Config): DataOpsPolicyOptions {
  const section = config.getOptionalConfig('dataopsPermissionPolicy');
  return {
    catalogAdminGroups:
      section?.getOptionalStringArray('catalogAdminGroups') ?? [],
    logReaderGroups: section?.getOptionalStringArray('logReaderGroups') ?? [],
  };
}

/**
 * The production permission policy of this app. Logs are the sensitive part of the suite, so
 * `dataops.logs.read` is granted to the entity's owners (and to configured reader groups), evaluated by the
 * catalog against the entity itself; catalog writes and the alert routing tree are for admins; everything
 * else any signed-in user may do, as in a stock Backstage. Services calling on their own behalf are
 * allowed, as the permission framework already does for them.
 */
export class DataOpsPermissionPolicy implements PermissionPolicy {
  constructor(
    private readonly userInfo: UserInfoService,
    private readonly options: DataOpsPolicyOptions,
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const isLogs = isPermission(request.permission, dataopsLogsReadPermission);
    const isAdminOnly = ADMIN_ONLY.some(p =>
      isPermission(request.permission, p),
    );
    if (!isLogs && !isAdminOnly) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (!user) {
      return { result: AuthorizeResult.DENY };
    }
    const { ownershipEntityRefs } = await this.userInfo.getUserInfo(
      user.credentials,
    );
    const memberOf = (groups: string[]) =>
      groups.some(group => ownershipEntityRefs.includes(group));
    if (isAdminOnly) {
      return {
        result: memberOf(this.options.catalogAdminGroups)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      };
    }
    if (memberOf(this.options.logReaderGroups)) {
      return { result: AuthorizeResult.ALLOW };
    }
    return createCatalogConditionalDecision(
      dataopsLogsReadPermission,
      catalogConditions.isEntityOwner({ claims: ownershipEntityRefs }),
    );
  }
}
