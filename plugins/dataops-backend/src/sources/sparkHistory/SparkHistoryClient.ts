import {
  ConcurrencyLimiter,
  DEFAULT_MAX_RESPONSE_BYTES,
  badResponse,
  fetchJson,
} from '@dataops-observability/plugin-dataops-node';
import { appPath, isValidSparkAppId, isValidSparkAttemptId } from './sparkIds';
import type { SparkHistoryConfig } from './readSparkHistoryConfig';

const SOURCE = 'sparkHistory';
/**
 * Applications asked for per range. The API cannot filter by name, so the client reads the newest
 * applications of the range and keeps the entity's; the cap bounds what one view reads from a busy server.
 */
export const SPARK_APPLICATIONS_SCANNED = 500;

/** One attempt of an application (the latest one), as the view needs it. */
export interface SparkApplicationRun {
  appId: string;
  name: string;
  attemptId?: string;
  attempts: number;
  startMs?: number;
  endMs?: number;
  durationMs?: number;
  completed: boolean;
}

/** A failed job or stage of an application. */
export interface SparkFailure {
  kind: 'job' | 'stage';
  id: number;
  attemptId?: number;
  name: string;
  status: string;
  failureReason?: string;
  numFailedTasks?: number;
}

const num = (v: unknown) =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** The history server's date form, `2015-02-03T16:42:40.000GMT`. */
export function sparkDate(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, 'GMT');
}

/** Epoch of an attempt's time: the `*Epoch` field, else its `...GMT` text; the API writes -1 for "never". */
function epoch(
  attempt: any,
  field: 'startTime' | 'endTime',
): number | undefined {
  const direct = num(attempt?.[`${field}Epoch`]);
  if (direct !== undefined) return direct > 0 ? direct : undefined;
  const text = str(attempt?.[field]);
  const parsed = text ? Date.parse(text.replace(/GMT$/, 'Z')) : NaN;
  return Number.isNaN(parsed) || parsed <= 0 ? undefined : parsed;
}

/**
 * Client of a Spark History Server's REST API (`<url>/api/v1`, Spark's `docs/monitoring.md`, "REST API"):
 * the applications of one name started in a range, and the failed jobs and stages of one application.
 */
export class SparkHistoryClient {
  private readonly limiter: ConcurrencyLimiter;

  constructor(
    readonly config: SparkHistoryConfig,
    private readonly timeoutMs: number,
    private readonly maxResponseBytes: number = DEFAULT_MAX_RESPONSE_BYTES,
  ) {
    this.limiter = new ConcurrencyLimiter(config.maxConcurrency);
  }

  /**
   * Applications named `name` that started between `from` and `to` (unix seconds), newest first, and whether
   * the scan hit its cap (older runs of the range may then be missing). The name never goes into the URL.
   */
  async listApplications(
    name: string,
    range: { from: number; to: number },
    signal?: AbortSignal,
  ): Promise<{ runs: SparkApplicationRun[]; truncated: boolean }> {
    const query = new URLSearchParams({
      minDate: sparkDate(range.from * 1000),
      maxDate: sparkDate(range.to * 1000),
      limit: String(SPARK_APPLICATIONS_SCANNED),
    });
    const body = await this.get(`/api/v1/applications?${query}`, signal);
    if (!Array.isArray(body)) {
      throw badResponse(SOURCE, 'applications answer is not a list');
    }
    const runs = body
      .filter((app: any) => app?.name === name && isValidSparkAppId(app?.id))
      .map((app: any): SparkApplicationRun => {
        const attempts: any[] = Array.isArray(app.attempts) ? app.attempts : [];
        // The newest attempt decides: the earlier ones failed and were retried.
        const latest = [...attempts].sort(
          (a, b) => (epoch(b, 'startTime') ?? 0) - (epoch(a, 'startTime') ?? 0),
        )[0];
        const attemptId = str(latest?.attemptId);
        const startMs = epoch(latest, 'startTime');
        const endMs = latest?.completed ? epoch(latest, 'endTime') : undefined;
        return {
          appId: app.id,
          name: app.name,
          attemptId: isValidSparkAttemptId(attemptId) ? attemptId : undefined,
          attempts: attempts.length,
          startMs,
          endMs,
          durationMs: num(latest?.duration),
          completed: latest?.completed === true,
        };
      })
      .sort((a, b) => (b.startMs ?? 0) - (a.startMs ?? 0));
    return { runs, truncated: body.length >= SPARK_APPLICATIONS_SCANNED };
  }

  /** Failed jobs of one application attempt: whether the application failed, and in what. */
  async listFailedJobs(
    appId: string,
    attemptId: string | undefined,
    signal?: AbortSignal,
  ): Promise<SparkFailure[]> {
    const jobs = await this.get(
      `/api/v1/applications/${appPath(appId, attemptId)}/jobs?status=failed`,
      signal,
    );
    if (!Array.isArray(jobs)) {
      throw badResponse(SOURCE, 'jobs answer is not a list');
    }
    return jobs.map(
      (j: any): SparkFailure => ({
        kind: 'job',
        id: num(j?.jobId) ?? -1,
        name: str(j?.name) ?? '',
        status: str(j?.status) ?? 'FAILED',
        numFailedTasks: num(j?.numFailedTasks),
      }),
    );
  }

  /** Failed stages of one application attempt, with the first line of why each failed. */
  async listFailedStages(
    appId: string,
    attemptId: string | undefined,
    signal?: AbortSignal,
  ): Promise<SparkFailure[]> {
    const stages = await this.get(
      `/api/v1/applications/${appPath(appId, attemptId)}/stages?status=failed`,
      signal,
    );
    if (!Array.isArray(stages)) {
      throw badResponse(SOURCE, 'stages answer is not a list');
    }
    return stages.map(
      (st: any): SparkFailure => ({
        kind: 'stage',
        id: num(st?.stageId) ?? -1,
        attemptId: num(st?.attemptId),
        name: str(st?.name) ?? '',
        status: str(st?.status) ?? 'FAILED',
        failureReason: str(st?.failureReason)?.split('\n')[0]?.slice(0, 500),
        numFailedTasks: num(st?.numFailedTasks),
      }),
    );
  }

  /** The application (or one of its stages) in the history server's web UI. */
  uiUrl(
    appId: string,
    attemptId?: string,
    stage?: { id: number; attemptId?: number },
  ): string {
    const base = `${this.config.uiUrl}/history/${appPath(appId, attemptId)}`;
    if (!stage) return `${base}/jobs/`;
    const query = new URLSearchParams({
      id: String(stage.id),
      attempt: String(stage.attemptId ?? 0),
    });
    return `${base}/stages/stage/?${query}`;
  }

  private get(path: string, signal?: AbortSignal): Promise<unknown> {
    return fetchJson(
      `${this.config.url}${path}`,
      {
        headers: {
          accept: 'application/json',
          ...(this.config.token
            ? { authorization: `Bearer ${this.config.token}` }
            : {}),
        },
      },
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
