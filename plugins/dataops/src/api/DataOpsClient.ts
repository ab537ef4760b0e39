import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { NotFoundError, ResponseError } from '@backstage/errors';
import {
  EntityViewResponse,
  EnvironmentsResponse,
  InventoryResponse,
  LogsData,
  PipelineResponse,
  TeamAlertReceiversResponse,
} from '@dataops-observability/plugin-dataops-common';
import {
  DataOpsApi,
  DataOpsEntityName,
  EntityViewDataMap,
  EntityViewQuery,
  IncidentsQuery,
  IncidentsResponse,
  InventoryQuery,
  LogsQuery,
  PipelineQuery,
  TeamAlertsResponse,
  TeamReportQuery,
  TeamReportResponse,
} from './DataOpsApi';
import { DataOpsBackendMissingError } from './DataOpsBackendMissingError';

const PLUGIN_ID = 'dataops';

/**
 * The default {@link DataOpsApi}: calls the DataOps backend plugin found through the discovery API, with the
 * app's fetch API (so requests carry the user's Backstage token).
 * @public
 */
export class DataOpsClient implements DataOpsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  /** {@inheritDoc DataOpsApi.getEntityView} */
  async getEntityView<V extends Exclude<keyof EntityViewDataMap, 'logs'>>(
    entity: DataOpsEntityName,
    view: V,
    query: EntityViewQuery = {},
    options?: { signal?: AbortSignal },
  ): Promise<EntityViewResponse<EntityViewDataMap[V]>> {
    return this.get(
      this.entityPath(entity, view),
      rangeParams(query),
      options?.signal,
    );
  }

  /** {@inheritDoc DataOpsApi.getLogs} */
  async getLogs(
    entity: DataOpsEntityName,
    query: LogsQuery = {},
    options?: { signal?: AbortSignal },
  ): Promise<EntityViewResponse<LogsData>> {
    const params = rangeParams(query);
    if (query.q) params.append('q', query.q);
    for (const level of query.level ?? []) params.append('level', level);
    if (query.cursor) params.append('cursor', query.cursor);
    if (query.size !== undefined) params.append('size', String(query.size));
    return this.get(this.entityPath(entity, 'logs'), params, options?.signal);
  }

  /** {@inheritDoc DataOpsApi.getEnvironments} */
  async getEnvironments(): Promise<EnvironmentsResponse> {
    return this.get('/v1/environments', new URLSearchParams());
  }

  /** {@inheritDoc DataOpsApi.getTeamAlerts} */
  async getTeamAlerts(
    ownerRef: string,
    options?: { signal?: AbortSignal },
  ): Promise<TeamAlertsResponse> {
    return this.get(
      '/v1/alerts',
      new URLSearchParams({ owner: ownerRef }),
      options?.signal,
    );
  }

  /** {@inheritDoc DataOpsApi.getTeamAlertReceivers} */
  async getTeamAlertReceivers(
    ownerRef: string,
    options?: { signal?: AbortSignal },
  ): Promise<TeamAlertReceiversResponse> {
    return this.get(
      '/v1/alert-receivers',
      new URLSearchParams({ owner: ownerRef }),
      options?.signal,
    );
  }

  /** {@inheritDoc DataOpsApi.getIncidents} */
  async getIncidents(
    ownerRef: string,
    query: IncidentsQuery = {},
    options?: { signal?: AbortSignal },
  ): Promise<IncidentsResponse> {
    const params = new URLSearchParams({ owner: ownerRef });
    if (query.days !== undefined) params.append('days', String(query.days));
    if (query.entityRef) params.append('entity', query.entityRef);
    return this.get('/v1/incidents', params, options?.signal);
  }

  /** {@inheritDoc DataOpsApi.getTeamReport} */
  async getTeamReport(
    ownerRef: string,
    query: TeamReportQuery = {},
    options?: { signal?: AbortSignal },
  ): Promise<TeamReportResponse> {
    const params = new URLSearchParams({ owner: ownerRef });
    if (query.days !== undefined) params.append('days', String(query.days));
    return this.get('/v1/team-report', params, options?.signal);
  }

  /** {@inheritDoc DataOpsApi.getInventory} */
  async getInventory(
    query: InventoryQuery = {},
    options?: { signal?: AbortSignal },
  ): Promise<InventoryResponse> {
    const params = new URLSearchParams();
    for (const env of query.envs ?? []) params.append('env', env);
    for (const type of query.types ?? []) params.append('type', type);
    return this.get('/v1/inventory', params, options?.signal);
  }

  /** {@inheritDoc DataOpsApi.getPipeline} */
  async getPipeline(
    entity: DataOpsEntityName,
    query: PipelineQuery = {},
    options?: { signal?: AbortSignal },
  ): Promise<PipelineResponse> {
    const parts = [entity.namespace, entity.kind, entity.name].map(p =>
      encodeURIComponent(p.toLocaleLowerCase('en-US')),
    );
    const params = new URLSearchParams();
    for (const env of query.envs ?? []) params.append('env', env);
    return this.get(`/v1/pipeline/${parts.join('/')}`, params, options?.signal);
  }

  /** {@inheritDoc DataOpsApi.getAlertRouting} */
  async getAlertRouting(options?: { signal?: AbortSignal }): Promise<string> {
    const response = await this.request(
      '/v1/alert-routing',
      new URLSearchParams(),
      options?.signal,
    );
    return response.text();
  }

  private entityPath(entity: DataOpsEntityName, view: string): string {
    const parts = [entity.namespace, entity.kind, entity.name, view].map(p =>
      encodeURIComponent(p.toLocaleLowerCase('en-US')),
    );
    return `/v1/entity/${parts.join('/')}`;
  }

  private async get<T>(
    path: string,
    params: URLSearchParams,
    signal?: AbortSignal,
  ): Promise<T> {
    const response = await this.request(path, params, signal);
    return (await response.json()) as T;
  }

  /** Through `fetchApi`, so the user's Backstage token goes along; a non-OK answer becomes an error. */
  private async request(
    path: string,
    params: URLSearchParams,
    signal?: AbortSignal,
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl(PLUGIN_ID);
    const search = params.toString();
    const url = `${baseUrl}${path}${search ? `?${search}` : ''}`;
    const response = await this.fetchApi.fetch(url, { signal });
    if (!response.ok) {
      throw await toError(response);
    }
    return response;
  }
}

function rangeParams(query: EntityViewQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const env of query.envs ?? []) params.append('env', env);
  if (query.from) params.append('from', query.from);
  if (query.to) params.append('to', query.to);
  if (query.step !== undefined) params.append('step', String(query.step));
  return params;
}

async function readErrorMessage(
  response: Response,
): Promise<string | undefined> {
  const body = await response
    .clone()
    .json()
    .catch(() => undefined);
  const message = body?.error?.message;
  return typeof message === 'string' && message ? message : undefined;
}

async function toError(response: Response): Promise<Error> {
  const message = await readErrorMessage(response);
  if (response.status === 404) {
    if (message) return new NotFoundError(message);
    return new DataOpsBackendMissingError(
      'DataOps backend plugin not installed: the backend answered 404 for /api/dataops. Add the dataops backend plugin to packages/backend.',
    );
  }
  const error = await ResponseError.fromResponse(response);
  if (message && !error.message.includes(message)) {
    // The backend's error body is not always the full Backstage shape; keep its message visible.
    error.message = `${error.message}: ${message}`;
  }
  return error;
}
