export { InventoryPage } from './InventoryPage';
export { InventoryView } from './InventoryView';
