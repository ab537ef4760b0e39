export { IcebergRestClient } from './IcebergRestClient';
export type { IcebergTableStats } from './IcebergRestClient';
export {
  IcebergTableNameError,
  parseTableIdentifier,
} from './parseTableIdentifier';
export type { IcebergTableIdentifier } from './parseTableIdentifier';
