import { DataOpsApi } from '../api';
import { alertsResponse, summaryResponse } from './fixtures';
import { incidentsResponse, teamAlertsResponse } from './teamFixtures';

/** A DataOps API answering the shared fixtures, for tests that render whole extensions or pages. */
export function fakeDataOpsApi(): DataOpsApi {
  return {
    getEntityView: jest.fn(async (_entity, view) =>
      view === 'summary' ? summaryResponse : alertsResponse,
    ) as DataOpsApi['getEntityView'],
    getLogs: jest.fn(),
    getEnvironments: jest.fn(async () => ({ environments: [] })),
    getTeamAlerts: jest.fn(async () => teamAlertsResponse),
    getIncidents: jest.fn(async () => incidentsResponse),
    getAlertRouting: jest.fn(async () => 'route: {}\n'),
    getInventory: jest.fn(async () => ({ entityTypes: [], environments: [] })),
  };
}
