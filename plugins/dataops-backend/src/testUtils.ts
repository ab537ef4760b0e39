/**
 * Helpers for contract tests that must agree with what this plugin sends upstream, such as a fake
 * OpenSearch checking that it answers the plugin's exact search body. Not part of the plugin's runtime API.
 *
 * @packageDocumentation
 */
export { buildLogSearchBody } from './sources/opensearch';
export type { LogSearchFields, LogSearchRequest } from './sources/opensearch';

export { createTeamAlertsHarness } from './teams/createTeamAlertsHarness';
export type {
  TeamAlertsHarness,
  TeamAlertsHarnessOptions,
} from './teams/createTeamAlertsHarness';
