/** What every benchmark scenario reports; `src/main.ts` prints these as tables and writes docs/performance.md. */
export interface ScenarioResult {
  /** Short id, e.g. `fan-out`; also the heading anchor in docs/performance.md. */
  id: string;
  title: string;
  /** The goal from the benchmark issue, in words, e.g. "overhead p99 <= 10 ms at 3 environments". */
  goal?: string;
  /** The headline figure compared with the goal, e.g. "p99 overhead 3.1 ms"; the summary table shows it. */
  measured?: string;
  /** Column names of `rows`, in order. */
  columns: string[];
  /** One row per measured case; values already formatted or plain numbers. */
  rows: Array<Record<string, string | number>>;
  /** `met` / `missed` against the goal, `info` when the scenario has no pass/fail goal. */
  verdict: 'met' | 'missed' | 'info';
  /** Sentences for the report: how it was measured, why a goal is missed and what would close it. */
  notes: string[];
}

export interface Scenario {
  id: string;
  title: string;
  run(): Promise<ScenarioResult>;
}
