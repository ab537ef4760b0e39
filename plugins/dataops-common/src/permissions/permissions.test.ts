import { isResourcePermission } from '@backstage/plugin-permission-common';
import { dataopsLogsReadPermission, dataopsPermissions } from './permissions';

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
