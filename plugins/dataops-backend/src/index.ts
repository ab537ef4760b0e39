/**
 * DataOps observability backend plugin.
 *
 * @packageDocumentation
 */
export { dataopsPlugin as default } from './plugin';
