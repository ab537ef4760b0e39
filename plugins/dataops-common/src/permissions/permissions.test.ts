import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  dataopsAlertRoutingReadPermission,
  dataopsLogsReadPermission,
  dataopsPermissions,
} from './permissions';

describe('dataopsLogsReadPermission', () => {
  it('is a read permission on catalog entities', () => {
    expect(dataopsLogsReadPermission.name).toBe('dataops.logs.read');
    expect(dataopsLogsReadPermission.attributes.action).toBe('read');
    expect(
      isResourcePermission(dataopsLogsReadPermission, 'catalog-entity'),
    ).toBe(true);
    expect(dataopsPermissions).toContain(dataopsLogsReadPermission);
  });
});

describe('dataopsAlertRoutingReadPermission', () => {
  it('is a basic read permission, registered with the others', () => {
    expect(dataopsAlertRoutingReadPermission.name).toBe(
      'dataops.alertRouting.read',
    );
    expect(dataopsAlertRoutingReadPermission.type).toBe('basic');
    expect(dataopsPermissions).toContain(dataopsAlertRoutingReadPermission);
  });
});
