export { RequireDataOps } from './RequireDataOps';
export type { RequireDataOpsProps } from './RequireDataOps';
