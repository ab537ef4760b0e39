export { ICEBERG_TOKEN, createIcebergRouter } from './createIcebergRouter';
export { buildLoadTableResult, tableState } from './buildTableMetadata';
