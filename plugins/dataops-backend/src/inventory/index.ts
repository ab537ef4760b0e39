/**
 * The metric inventory (`GET /v1/inventory`): the validation report of which series the configured panels,
 * SLIs and storage checks need in each environment, which exist and which entities a gap affects.
 */
export { createInventoryRouter } from './createInventoryRouter';
export type { InventoryRouterOptions } from './createInventoryRouter';
export { buildInventory, INVENTORY_WINDOW_SECONDS } from './buildInventory';
export type { EnvironmentInventory, SeriesLookup } from './buildInventory';
export { neededSeries, INVENTORY_ENTITY_TYPES } from './neededSeries';
export type { SeriesConsumer } from './neededSeries';
