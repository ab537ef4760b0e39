export { createEntityViewRouter, parseQuery } from './createEntityViewRouter';
export type { EntityViewRouterOptions } from './createEntityViewRouter';
export { EntityViewService } from './EntityViewService';
export type { EntityViewRequest } from './EntityViewService';
export { ViewCache } from './ViewCache';
export type { ComputedAnswer, ViewCacheSubject } from './ViewCache';
export { ViewRegistry } from './ViewRegistry';
