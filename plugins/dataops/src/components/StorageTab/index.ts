export { StorageTab, StorageView } from './StorageTab';
export { StorageCheckCard } from './StorageCheckCard';
export {
  ANNOTATION_ICEBERG_TABLE,
  ANNOTATION_STORAGE,
  isDataOpsStorageAvailable,
} from './isStorageAvailable';
