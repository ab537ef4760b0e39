export {
  generateRoutingTree,
  PRIORITY_TIMINGS,
  NULL_RECEIVER,
  DEFAULT_RECEIVER,
} from './generateRoutingTree';
