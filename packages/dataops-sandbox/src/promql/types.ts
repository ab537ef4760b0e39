/** A label set; the metric name is the `__name__` label, as in Prometheus. */
export type Labels = Record<string, string>;

/** One sample; `t` in unix milliseconds. */
export interface Sample {
  t: number;
  v: number;
}

export type MatchType = '=' | '!=' | '=~' | '!~';

export interface LabelMatcher {
  name: string;
  type: MatchType;
  value: string;
}

/** A stored series: its samples are produced on demand for the time window asked for. */
export interface StoredSeries {
  labels: Labels;
  /** Samples with `mint <= t <= maxt`, oldest first. */
  samples(mint: number, maxt: number): Sample[];
}

/** Where the evaluator reads series from. */
export interface SeriesSource {
  select(matchers: LabelMatcher[]): StoredSeries[];
}

/** Evaluation results, shaped like the Prometheus HTTP API's `data.result` entries. */
export interface InstantSeries {
  labels: Labels;
  v: number;
}

export type InstantValue =
  | { type: 'vector'; series: InstantSeries[] }
  | { type: 'scalar'; v: number }
  | { type: 'string'; s: string };

export interface RangeSeries {
  labels: Labels;
  samples: Sample[];
}

/** Bad query or unsupported construct: the HTTP API answers 400 `bad_data` with this message. */
export class PromQLError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PromQLError';
  }
}
