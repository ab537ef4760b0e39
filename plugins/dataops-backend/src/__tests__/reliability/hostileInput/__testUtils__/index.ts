export {
  HOSTILE_FRAGMENTS,
  PURE_RUNS,
  hostileText,
  mixed,
  nearValid,
  propertySeed,
  realisticName,
} from './hostileStrings';
export { checkInjectedMatchers } from './inspectPromQl';
export { recordingUpstreams, upstreamUrl } from './recordingUpstreams';
export type { RecordedRequest, UpstreamKind } from './recordingUpstreams';
export {
  VIEW_NAMES,
  dataopsTestConfig,
  startDataOpsBackend,
} from './testBackend';
export type { TestSecrets } from './testBackend';
