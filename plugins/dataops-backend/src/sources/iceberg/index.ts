export { IcebergRestClient } from './IcebergRestClient';
export type { IcebergSnapshot, IcebergTableStats } from './IcebergRestClient';
export {
  IcebergTableNameError,
  parseTableIdentifier,
} from './parseTableIdentifier';
export type { IcebergTableIdentifier } from './parseTableIdentifier';
export type { IcebergCatalogConfig } from './readIcebergConfig';
export { icebergSource } from './icebergSource';
