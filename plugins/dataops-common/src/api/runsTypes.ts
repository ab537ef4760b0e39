/**
 * Wire format of the `runs` view (docs/runs.md): the last runs of a workload in its own scheduler or engine,
 * per environment. Kept beside `types.ts` so the view's shape can grow without touching the other views'.
 */
import type { HealthLevel, Thresholds, UpstreamError } from './types';

/** Which system the runs come from. @public */
export type RunsSource = 'airflow' | 'spark-history' | 'iceberg';

/**
 * A step of a run that failed: an Airflow task instance, or a Spark job or stage. Listed for runs that failed.
 * @public
 */
export interface RunTask {
  /** What the step is; `task` when absent. */
  kind?: 'task' | 'job' | 'stage';
  /** Task id within its DAG; for Spark, `job 4` or `stage 7.0`. */
  taskId: string;
  /** The scheduler's state word, e.g. `failed`, `upstream_failed`, `success`. */
  state: string;
  /** Colour of the state: `critical` for failed, `healthy` for success, `unknown` for the rest. */
  level: HealthLevel;
  /** Attempt the state belongs to (Airflow's `try_number`). */
  tryNumber?: number;
  /** Seconds the attempt ran. */
  durationSeconds?: number;
  /** Operator class, e.g. `SparkSubmitOperator`. */
  operator?: string;
  /** When the attempt started (ISO 8601). */
  startedAt?: string;
  /** When the attempt ended (ISO 8601); absent while it runs. */
  endedAt?: string;
  /** Where the attempt's log is shown in the scheduler's web UI. */
  logUrl?: string;
  /** Spark: what the job or stage ran (its call site). */
  name?: string;
  /** Spark: the first line of why the stage failed. */
  reason?: string;
  /** Spark: failed tasks of the job or stage. */
  failedTaskCount?: number;
  /** Where the step is shown in the engine's web UI (a Spark stage page). */
  url?: string;
}

/** One run of the workload. @public */
export interface RunEntry {
  /** The run's id in its system (`dag_run_id`). */
  id: string;
  /** The system's state word, e.g. `success`, `failed`, `running`, `queued`. */
  state: string;
  /** Colour of the state: `critical` for failed, `healthy` for success, `unknown` while it runs or waits. */
  level: HealthLevel;
  /** How it was started, e.g. `scheduled`, `manual`, `backfill`. */
  runType?: string;
  /** Attempts of the run (Spark applications retried by YARN); absent when there is only one. */
  attempts?: number;
  /** Iceberg commits: records and data files the snapshot added and removed, when its writer recorded them. */
  addedRecords?: number;
  /** Records the snapshot removed. */
  deletedRecords?: number;
  /** Data files the snapshot added. */
  addedFiles?: number;
  /** Data files the snapshot removed. */
  deletedFiles?: number;
  /** The date the run is for (Airflow's logical date). */
  logicalDate?: string;
  /** When the run started (ISO 8601); absent while it waits. */
  startedAt?: string;
  /** When the run ended (ISO 8601); absent while it runs. */
  endedAt?: string;
  /** Seconds from start to end; for a run still going, until the view was computed. */
  durationSeconds?: number;
  /** Whether the duration is still growing (the run has not ended). */
  ongoing?: boolean;
  /** Level of the duration against the SLA; `unknown` without an SLA or a duration. */
  durationLevel: HealthLevel;
  /** Where the run is shown in the system's web UI (the Airflow grid, the Spark UI). */
  url?: string;
  /** For failed runs: the tasks (or Spark jobs and stages) that did not succeed, failed ones first. */
  failedTasks?: RunTask[];
  /** For failed runs whose tasks could not be read: why. */
  tasksError?: UpstreamError;
}

/** The SLA in force in one environment. @public */
export interface RunSla {
  /** The SLA, seconds. */
  seconds: number;
  /** The annotation key it was read from, e.g. `dataops.io/run-sla.prod`. */
  annotation: string;
  /** Warning past the SLA, critical past SLA + 50%. */
  thresholds: Thresholds;
}

/** `runs` view data of one environment. @public */
export interface RunsData {
  /** The system the runs come from. */
  source: RunsSource;
  /** The workload's identity in that system (the DAG id, the Spark application name). */
  identity: string;
  /** The SLA, when the entity declares one for this environment. */
  sla?: RunSla;
  /** The last runs that started in the range, newest first, at most the view's limit. */
  runs: RunEntry[];
  /** Runs in the range according to the upstream, which may be more than `runs` holds. */
  totalInRange: number;
  /** Where the workload is shown in the system's web UI (the DAG's grid). */
  url?: string;
  /** Why the list may be incomplete, e.g. the Spark History Server scan hit its cap. */
  note?: string;
  /**
   * Iceberg tables: how old the newest commit is against the freshness target (warning beyond it, critical
   * beyond twice it).
   */
  freshness?: {
    lastCommitAt: string;
    ageSeconds: number;
    targetSeconds: number;
    level: HealthLevel;
  };
}
