export { AlertNotifier, ALERT_NOTIFICATION_TOPIC } from './AlertNotifier';
export { readNotificationsConfig } from './readNotificationsConfig';
export type { NotificationsConfig } from './readNotificationsConfig';
