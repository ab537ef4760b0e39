import {
  ConcurrencyLimiter,
  DEFAULT_MAX_RESPONSE_BYTES,
  badResponse,
  fetchJson,
} from '@dataops-observability/plugin-dataops-node';
import { dagIdSegment, isValidTaskId, runIdSegment } from './airflowIds';
import type { AirflowConfig } from './readAirflowConfig';

const SOURCE = 'airflow';
/** The API's own cap on one page; the view asks for far fewer. */
const MAX_PAGE = 100;
/** Task states that explain why a run failed, asked for by name so a big DAG's answer stays small. */
const FAILING_TASK_STATES = ['failed', 'upstream_failed', 'up_for_retry'];

/** One DAG run as the view needs it (Airflow's `DAGRun`). */
export interface AirflowDagRun {
  runId: string;
  state: string;
  runType?: string;
  logicalDate?: string;
  startDate?: string;
  endDate?: string;
}

/** One task instance as the view needs it (Airflow's `TaskInstance`). */
export interface AirflowTaskInstance {
  taskId: string;
  state: string;
  tryNumber?: number;
  durationSeconds?: number;
  operator?: string;
  startDate?: string;
  endDate?: string;
}

/** A page of DAG runs with the number the range holds in all. */
export interface AirflowDagRunPage {
  runs: AirflowDagRun[];
  totalEntries: number;
}

const optionalString = (value: unknown) =>
  typeof value === 'string' && value !== '' ? value : undefined;
const optionalNumber = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/**
 * Client of the Airflow stable REST API v1 (`<url>/api/v1`): DAG runs of one DAG and the failing task
 * instances of one run. Only reads. Every id goes through `airflowIds` before it becomes a path segment.
 */
export class AirflowClient {
  private readonly limiter: ConcurrencyLimiter;
  private readonly headers: Record<string, string>;

  constructor(
    readonly config: AirflowConfig,
    private readonly timeoutMs: number,
    private readonly maxResponseBytes: number = DEFAULT_MAX_RESPONSE_BYTES,
  ) {
    this.limiter = new ConcurrencyLimiter(config.maxConcurrency);
    this.headers = { accept: 'application/json' };
    if (config.auth.kind === 'basic') {
      this.headers.authorization = `Basic ${Buffer.from(
        `${config.auth.username}:${config.auth.password}`,
      ).toString('base64')}`;
    } else if (config.auth.kind === 'token') {
      this.headers.authorization = `Bearer ${config.auth.token}`;
    }
  }

  /** The path of the DAG-runs list, for showing what was read. */
  static dagRunsPath(dagId: string): string {
    return `/api/v1/dags/${dagIdSegment(dagId)}/dagRuns`;
  }

  /** The newest `limit` runs of `dagId` that started between `from` and `to` (unix seconds). */
  async listDagRuns(
    dagId: string,
    options: { from: number; to: number; limit: number },
    signal?: AbortSignal,
  ): Promise<AirflowDagRunPage> {
    const query = new URLSearchParams({
      start_date_gte: new Date(options.from * 1000).toISOString(),
      start_date_lte: new Date(options.to * 1000).toISOString(),
      order_by: '-start_date',
      limit: String(Math.min(Math.max(1, options.limit), MAX_PAGE)),
    });
    const body: any = await this.get(
      `${AirflowClient.dagRunsPath(dagId)}?${query}`,
      signal,
    );
    if (!body || !Array.isArray(body.dag_runs)) {
      throw badResponse(SOURCE, 'DAG runs answer has no dag_runs list');
    }
    const runs = body.dag_runs
      .filter((r: any) => typeof r?.dag_run_id === 'string')
      .map(
        (r: any): AirflowDagRun => ({
          runId: r.dag_run_id,
          state: optionalString(r.state) ?? 'unknown',
          runType: optionalString(r.run_type),
          logicalDate:
            optionalString(r.logical_date) ?? optionalString(r.execution_date),
          startDate: optionalString(r.start_date),
          endDate: optionalString(r.end_date),
        }),
      );
    return {
      runs,
      totalEntries: optionalNumber(body.total_entries) ?? runs.length,
    };
  }

  /** Task instances of one run that failed, are to be retried or could not run because of a failure. */
  async listFailingTasks(
    dagId: string,
    runId: string,
    signal?: AbortSignal,
  ): Promise<AirflowTaskInstance[]> {
    const query = new URLSearchParams({ limit: String(MAX_PAGE) });
    FAILING_TASK_STATES.forEach(state => query.append('state', state));
    const body: any = await this.get(
      `/api/v1/dags/${dagIdSegment(dagId)}/dagRuns/${runIdSegment(
        runId,
      )}/taskInstances?${query}`,
      signal,
    );
    if (!body || !Array.isArray(body.task_instances)) {
      throw badResponse(
        SOURCE,
        'task instances answer has no task_instances list',
      );
    }
    return body.task_instances
      .filter(
        (t: any) => typeof t?.task_id === 'string' && isValidTaskId(t.task_id),
      )
      .map(
        (t: any): AirflowTaskInstance => ({
          taskId: t.task_id,
          state: optionalString(t.state) ?? 'none',
          tryNumber: optionalNumber(t.try_number),
          durationSeconds: optionalNumber(t.duration),
          operator: optionalString(t.operator),
          startDate: optionalString(t.start_date),
          endDate: optionalString(t.end_date),
        }),
      );
  }

  /** The DAG's grid in the web UI, optionally opened on one run and one task's log. */
  gridUrl(dagId: string, runId?: string, taskId?: string): string {
    const base = `${this.config.uiUrl}/dags/${dagIdSegment(dagId)}/grid`;
    if (!runId) {
      return base;
    }
    // URLSearchParams encodes the values; the ids were checked by the segment helpers' rules first.
    runIdSegment(runId);
    const query = new URLSearchParams({ dag_run_id: runId });
    if (taskId && isValidTaskId(taskId)) {
      query.set('task_id', taskId);
      query.set('tab', 'logs');
    }
    return `${base}?${query}`;
  }

  private get(path: string, signal?: AbortSignal): Promise<unknown> {
    return fetchJson(
      `${this.config.url}${path}`,
      { headers: this.headers },
      {
        source: SOURCE,
        timeoutMs: this.timeoutMs,
        maxResponseBytes: this.maxResponseBytes,
        limiter: this.limiter,
        signal,
      },
    );
  }
}
