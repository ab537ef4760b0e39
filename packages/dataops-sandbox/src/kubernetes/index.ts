export { buildObjects, OBJECT_TYPES } from './buildObjects';
export { createKubernetesRouter } from './createKubernetesRouter';
export { parseLabelSelector } from './labelSelector';
