export { StorageTab, StorageView } from './StorageTab';
export { StorageCheckCard } from './StorageCheckCard';
