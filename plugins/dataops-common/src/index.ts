/**
 * Shared types, annotation constants and pure helpers of the DataOps observability plugins.
 *
 * @packageDocumentation
 */
export * from './api/types';
export * from './api/inventory';
export * from './api/runsTypes';
export * from './api/alertReceivers';
export * from './api/teamReport';
export * from './api/pipeline';
export * from './annotations';
export * from './annotationValues';
export * from './rulebook';
export * from './promql';
export * from './permissions';
export * from './health';
export * from './levels';
export * from './inputIssues';
export * from './time';
export * from './slo';
export * from './exporterProfiles';
export * from './links';
