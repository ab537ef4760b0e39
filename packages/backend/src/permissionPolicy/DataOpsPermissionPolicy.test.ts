import { ConfigReader } from '@backstage/config';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  catalogEntityCreatePermission,
  catalogEntityReadPermission,
  catalogLocationCreatePermission,
} from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  dataopsAlertRoutingReadPermission,
  dataopsLogsReadPermission,
} from '@dataops-observability/plugin-dataops-common';
import {
  DataOpsPermissionPolicy,
  readPolicyOptions,
} from './DataOpsPermissionPolicy';

const MEMBERSHIPS: Record<string, string[]> = {
  'user:default/ana': ['user:default/ana', 'group:default/sales-data'],
  'user:default/oncall': ['user:default/oncall', 'group:default/oncall'],
  'user:default/admin': ['user:default/admin', 'group:default/platform'],
};

const userInfo = {
  getUserInfo: async (credentials: any) => ({
    userEntityRef: credentials.principal.userEntityRef,
    ownershipEntityRefs: MEMBERSHIPS[credentials.principal.userEntityRef] ?? [],
  }),
};

const policy = new DataOpsPermissionPolicy(
  userInfo,
  readPolicyOptions(
    new ConfigReader({
      dataopsPermissionPolicy: {
        catalogAdminGroups: ['group:default/platform'],
        logReaderGroups: ['group:default/oncall'],
      },
    }),
  ),
);

const as = (userEntityRef: string) => ({
  credentials: mockCredentials.user(userEntityRef),
  info: { userEntityRef, ownershipEntityRefs: [] },
});

describe('DataOpsPermissionPolicy', () => {
  it("lets owners read an entity's logs, decided by the catalog against the entity", async () => {
    const decision = await policy.handle(
      { permission: dataopsLogsReadPermission },
      as('user:default/ana'),
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: {
          claims: ['user:default/ana', 'group:default/sales-data'],
        },
      },
    });
  });

  it('lets configured reader groups read every log', async () => {
    expect(
      await policy.handle(
        { permission: dataopsLogsReadPermission },
        as('user:default/oncall'),
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('keeps catalog writes and the alert routing tree for admins', async () => {
    for (const permission of [
      catalogEntityCreatePermission,
      catalogLocationCreatePermission,
      dataopsAlertRoutingReadPermission,
    ]) {
      expect(
        await policy.handle({ permission }, as('user:default/ana')),
      ).toEqual({ result: AuthorizeResult.DENY });
      expect(
        await policy.handle({ permission }, as('user:default/admin')),
      ).toEqual({ result: AuthorizeResult.ALLOW });
    }
  });

  it('denies the guarded permissions without a user and allows plain reads', async () => {
    expect(
      await policy.handle({ permission: dataopsLogsReadPermission }),
    ).toEqual({ result: AuthorizeResult.DENY });
    expect(
      await policy.handle(
        { permission: catalogEntityReadPermission },
        as('user:default/ana'),
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('grants nothing extra when the config names no groups', async () => {
    const strict = new DataOpsPermissionPolicy(
      userInfo,
      readPolicyOptions(new ConfigReader({})),
    );
    expect(
      await strict.handle(
        { permission: catalogEntityCreatePermission },
        as('user:default/admin'),
      ),
    ).toEqual({ result: AuthorizeResult.DENY });
  });
});
