export { dataopsViewsExtensionPoint } from './extensionPoints';
export {
  DataOpsNotConfiguredError,
  DataOpsSourceError,
} from './DataOpsSourceError';
export type {
  DataOpsEnvironment,
  DataOpsView,
  DataOpsViewContext,
  DataOpsViewParams,
  DataOpsViewsExtensionPoint,
} from './types';
