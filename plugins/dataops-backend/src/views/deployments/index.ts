export { createDeploymentsView } from './deploymentsView';
export {
  OUT_OF_SYNC_CRITICAL_MS,
  applicationLevel,
  toApplicationStatus,
} from './toApplicationStatus';
