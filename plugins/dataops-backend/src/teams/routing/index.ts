export {
  generateRoutingTree,
  PRIORITY_TIMINGS,
  NULL_RECEIVER,
  DEFAULT_RECEIVER,
  PLACEHOLDER_SMTP,
} from './generateRoutingTree';
export type { RoutedEnvironment } from './generateRoutingTree';
export {
  AlertReceiverDirectory,
  MAX_RECEIVER_INHERITANCE_DEPTH,
  pickReceivers,
  receiverName,
} from './resolveAlertReceivers';
export type { ReceiverPolicy } from './resolveAlertReceivers';
export {
  DEFAULT_SECRETS_DIRECTORY,
  readAlertRoutingConfig,
} from './readAlertRoutingConfig';
export type { AlertRoutingConfig } from './readAlertRoutingConfig';
