export { createCatalogOwnership, createTeamRouter } from './createTeamRouter';
export type { TeamRouterOptions } from './createTeamRouter';
