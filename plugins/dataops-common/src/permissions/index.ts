export {
  dataopsAlertRoutingReadPermission,
  dataopsLogsReadPermission,
  dataopsPermissions,
} from './permissions';
