/**
 * Wire format of `GET /v1/pipeline/:namespace/:kind/:name` (docs/pipelines.md): the chain of Airflow DAGs,
 * Spark jobs and Iceberg tables an entity belongs to, each step's health per environment, the first broken
 * upstream step per environment, and the freshness of the final tables.
 */
import type { HealthLevel } from './types';

/** Health of one step in one environment: its summary rolled up to the worst area. @public */
export interface PipelineCell {
  /** The environment. */
  env: string;
  /** Worst level of the step's areas there. */
  level: HealthLevel;
  /** The level as a word, for people. */
  word: string;
  /** Why, prefixed with the area, e.g. `runs: last run failed`. */
  reason: string;
  /** The area that decided the level. */
  area?: string;
}

/** One entity of the pipeline. @public */
export interface PipelineStep {
  /** Entity ref, e.g. `component:default/daily-sales-etl`. */
  entityRef: string;
  /** Title or name of the entity. */
  title: string;
  /** `spec.type`: `airflow-dag`, `spark-job`, `iceberg-table` or another annotated type. */
  type?: string;
  /** Iceberg tables: the table's name in its catalog (`dataops.io/iceberg-table`). */
  tableName?: string;
  /** Position upstream-first: 0 for the most upstream step. */
  order: number;
  /** Column when drawn left to right: the length of the longest path of steps before it. */
  depth: number;
  /** Whether the step sits on a cycle of dependencies (then its order among the cycle is by name). */
  inCycle: boolean;
  /** One cell per environment that is in. */
  cells: PipelineCell[];
  /** Environments whose cell was not in by the deadline. */
  pending: string[];
}

/** A link of the chain, upstream to downstream. @public */
export interface PipelineEdge {
  /** The upstream step's entity ref. */
  from: string;
  /** The downstream step's entity ref. */
  to: string;
}

/** The first unhealthy upstream step of one environment. @public */
export interface PipelineBreak {
  /** The environment. */
  env: string;
  /** The most upstream step whose cell is critical or warning. */
  entityRef: string;
  /** Its level there. */
  level: HealthLevel;
  /** Its cell's reason. */
  reason: string;
  /** When its last run failed (ISO 8601), when its runs say so. */
  failedAt?: string;
  /** Final tables downstream of it. */
  affects: string[];
  /** One sentence for people, e.g. `sales.daily_orders is stale because daily-sales-etl failed in prod at 03:12 UTC`. */
  sentence: string;
}

/** Freshness of a final table in one environment, against the pipeline's target. @public */
export interface PipelineFreshness {
  /** The table step's entity ref. */
  entityRef: string;
  /** The environment. */
  env: string;
  /** Newest commit (ISO 8601), when known. */
  lastCommitAt?: string;
  /** Age of the newest commit, seconds, when known. */
  ageSeconds?: number;
  /** The target, seconds. */
  targetSeconds: number;
  /** Warning beyond the target, critical beyond twice it, unknown without an age. */
  level: HealthLevel;
  /** Where the age came from: the table's commits (`runs`), the storage check (`storage`), or nowhere. */
  source: 'runs' | 'storage' | 'none';
}

/** `GET /v1/pipeline/:namespace/:kind/:name`. @public */
export interface PipelineResponse {
  /** The entity asked for. */
  entityRef: string;
  /** Environments with a column. */
  environments: string[];
  /** Steps upstream-first. */
  steps: PipelineStep[];
  /** Links between the steps. */
  edges: PipelineEdge[];
  /** Per environment with a broken step, the first one upstream; environments that are fine are absent. */
  firstBroken: PipelineBreak[];
  /** Final tables (Iceberg tables with nothing downstream) per environment. */
  freshness: PipelineFreshness[];
  /** The freshness target, seconds (`dataops.pipeline.freshnessTargetMinutes`). */
  freshnessTargetSeconds: number;
  /** True when the walk stopped at the maximum number of steps. */
  truncated: boolean;
  /** True when the dependencies form a cycle. */
  hasCycle: boolean;
}
