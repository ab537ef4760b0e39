export { AlertmanagerClient } from './AlertmanagerClient';
