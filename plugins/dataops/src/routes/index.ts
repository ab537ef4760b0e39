export * from './refs';
export * from './useTabLink';
export * from './inventoryRouteRef';
export * from './useInventoryLink';
export * from './fleetRouteRef';
