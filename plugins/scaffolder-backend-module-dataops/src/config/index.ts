export { readStorageCheckSettings } from './readStorageCheckSettings';
