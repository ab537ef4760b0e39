export { APP_DIR, buildApp } from './appBuild';
export type { AppBuild } from './appBuild';
export {
  freePort,
  relocateAppConfig,
  startAppBackend,
} from './appBackendProcess';
export type { AppBackendProcess } from './appBackendProcess';
export {
  initialAssetsOf,
  measurePluginShare,
  sourceToFile,
} from './bundleAttribution';
export type { PluginBundleShare } from './bundleAttribution';
export { ChartTimer, findChromium } from './firstChart';
export type { PageTiming } from './firstChart';
export {
  dependencyClosure,
  findPackageDir,
  owningPackageDir,
} from './packageGraph';
export { bytesPerSource, decodeVlqSegment } from './sourceMapBytes';
