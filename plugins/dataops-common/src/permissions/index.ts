export { dataopsLogsReadPermission, dataopsPermissions } from './permissions';
