/**
 * Syntax of annotation values, shared by the backend views that use them, the catalog processor that rejects
 * bad ones at registration and the scaffolder that writes them (through the rulebook, `../rulebook`).
 */
export { AnnotationValueError } from './AnnotationValueError';
export {
  isWellFormedIndexPattern,
  isIndexPatternAllowed,
} from './indexPatterns';
export {
  STORAGE_KINDS,
  MAX_STORAGE_ITEMS,
  parseStorageList,
  parseOpenSearchFilters,
} from './parseAnnotationLists';
export type {
  StorageKind,
  StorageRef,
  OpenSearchTermFilter,
} from './parseAnnotationLists';
export { parseIcebergTableName } from './icebergTable';
export type { IcebergTableName } from './icebergTable';
export {
  isValidArgoCdAppName,
  checkLabelSelector,
  labelSelectorRequirements,
} from './argoCd';
export {
  isValidKubernetesObjectName,
  isValidLabelKey,
  isValidLabelValue,
} from './kubernetesNames';
