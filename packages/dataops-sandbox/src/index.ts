export { startSandbox } from './server';
export type { RunningSandbox, SandboxOptions } from './server';
export { Faults, loadCatalog, Scenario, TROUBLE } from './scenario';
export { Evaluator, PromQLError } from './promql';
