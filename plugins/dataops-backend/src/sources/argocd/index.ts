export { ArgoCdClient } from './ArgoCdClient';
export type { ArgoCdInstanceConfig } from './readArgoCdConfig';
export { argocdSource } from './argocdSource';
