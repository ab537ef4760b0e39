export { ArgoCdClient } from './ArgoCdClient';
