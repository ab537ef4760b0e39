export {
  dataopsSourcesExtensionPoint,
  dataopsViewsExtensionPoint,
} from './extensionPoints';
export {
  DataOpsMissingAnnotationError,
  DataOpsNotConfiguredError,
  DataOpsSourceError,
} from './DataOpsSourceError';
export { createDataOpsSource } from './createDataOpsSource';
export type {
  DataOpsEnvironment,
  DataOpsView,
  DataOpsViewContext,
  DataOpsViewParams,
  DataOpsViewsExtensionPoint,
} from './types';
export type {
  DataOpsSource,
  DataOpsSourceClientContext,
  DataOpsSourceConfigContext,
  DataOpsSourcesExtensionPoint,
} from './sourceTypes';
