export { createBuiltInViews } from './builtInViews';
export type { ViewDependencies } from './shared';
