export { startComparisonBackend } from './startComparisonBackend';
export type { ArgoInstance, ComparisonBackend } from './startComparisonBackend';
export {
  PeerArgocdFrontend,
  viewDataopsDeployments,
} from './emulatedFrontends';
export type { PeerLookup, StatusView } from './emulatedFrontends';
