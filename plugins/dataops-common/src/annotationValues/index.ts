/**
 * Syntax of annotation values, shared by the backend views that use them and the catalog processor that
 * rejects bad ones at registration.
 */
export { AnnotationValueError } from './AnnotationValueError';
export {
  isWellFormedIndexPattern,
  isIndexPatternAllowed,
} from './indexPatterns';
export {
  STORAGE_KINDS,
  parseStorageList,
  parseOpenSearchFilters,
} from './parseAnnotationLists';
export type {
  StorageKind,
  StorageRef,
  OpenSearchTermFilter,
} from './parseAnnotationLists';
export { isValidArgoCdAppName, checkLabelSelector } from './argoCd';
