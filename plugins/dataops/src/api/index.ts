export * from './DataOpsApi';
export * from './DataOpsClient';
export * from './DataOpsBackendMissingError';
