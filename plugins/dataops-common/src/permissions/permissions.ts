import { createPermission } from '@backstage/plugin-permission-common';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';

/**
 * Reading an entity's logs. Logs can hold data the metrics do not, so operators may restrict them per
 * entity with a permission policy (conditions on the catalog entity); the default policy allows it.
 * @public
 */
export const dataopsLogsReadPermission = createPermission({
  name: 'dataops.logs.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Downloading the Alertmanager routing tree, which names every group that owns an alert-owning entity.
 * Meant for the operators who configure Alertmanager; grant it to them in the permission policy.
 * @public
 */
export const dataopsAlertRoutingReadPermission = createPermission({
  name: 'dataops.alertRouting.read',
  attributes: { action: 'read' },
});

/** Every permission of the suite, for registration with the permissions registry. @public */
export const dataopsPermissions = [
  dataopsLogsReadPermission,
  dataopsAlertRoutingReadPermission,
];
