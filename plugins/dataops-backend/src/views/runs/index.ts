export { createRunsView } from './runsView';
export { FAILED_RUNS_EXPLAINED, RUNS_LIMIT } from './airflowRuns';
export { resolveRunSla } from './resolveRunSla';
