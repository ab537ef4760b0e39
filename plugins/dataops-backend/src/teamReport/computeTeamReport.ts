import type {
  TargetVerdict,
  TeamReportDetection,
  TeamReportMeanTime,
  TeamReportNoisyAlert,
} from '@dataops-observability/plugin-dataops-common';
import type { EpisodeRow } from '../teams';

/** How many alert names the noisiest list holds. */
export const NOISIEST_ALERTS = 5;

/** A period `[from, to)` in unix ms. */
export interface Period {
  from: number;
  to: number;
}

/** Detection time of one incident, or why it could not be measured. */
export type Detection =
  | { episodeId: number; seconds: number }
  | { episodeId: number; reason: string };

/** Incidents are episodes that started inside the period. */
export function incidentsIn(episodes: EpisodeRow[], period: Period) {
  return episodes.filter(
    e => e.firedAt >= period.from && e.firedAt < period.to,
  );
}

/** `met` below the target, `missed` at or above it, `unknown` with nothing to judge. */
export function verdictOf(
  seconds: number | null,
  targetSeconds: number,
): TargetVerdict {
  if (seconds === null) {
    return 'unknown';
  }
  return seconds < targetSeconds ? 'met' : 'missed';
}

function mean(values: number[]): number | null {
  return values.length
    ? Math.round(values.reduce((a, b) => a + b, 0) / values.length)
    : null;
}

/** Mean recovery time of the incidents that have recovered; open ones have no recovery time yet. */
export function meanRecovery(incidents: EpisodeRow[]) {
  const times = incidents.flatMap(e =>
    e.resolvedAt === undefined ? [] : [(e.resolvedAt - e.firedAt) / 1000],
  );
  return { seconds: mean(times), count: times.length };
}

/** A period's mean against its target and the previous period's mean. */
export function compareMeans(
  current: { seconds: number | null; count: number },
  previous: { seconds: number | null },
  targetSeconds: number,
): TeamReportMeanTime {
  return {
    seconds: current.seconds,
    previousSeconds: previous.seconds,
    deltaSeconds:
      current.seconds !== null && previous.seconds !== null
        ? current.seconds - previous.seconds
        : null,
    targetSeconds,
    verdict: verdictOf(current.seconds, targetSeconds),
    count: current.count,
  };
}

/** Mean detection time over the measured incidents, and what could not be measured and why. */
export function meanDetection(detections: Detection[]) {
  const seconds: number[] = [];
  const reasons = new Map<string, number>();
  for (const d of detections) {
    if ('seconds' in d) {
      seconds.push(d.seconds);
    } else {
      reasons.set(d.reason, (reasons.get(d.reason) ?? 0) + 1);
    }
  }
  return {
    seconds: mean(seconds),
    count: seconds.length,
    notMeasurable: detections.length - seconds.length,
    notMeasurableReasons: [...reasons.entries()]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
  };
}

/** The MTTD figure of the report: this period's detections against the previous period's. */
export function detectionFigure(options: {
  current: Detection[];
  previous: Detection[];
  /** Incidents of the period beyond the measuring cap. */
  notMeasured: number;
  maxMeasured: number;
  targetSeconds: number;
}): TeamReportDetection {
  const current = meanDetection(options.current);
  const previous = meanDetection(options.previous);
  return {
    ...compareMeans(current, previous, options.targetSeconds),
    notMeasurable: current.notMeasurable,
    notMeasurableReasons: current.notMeasurableReasons,
    notMeasured: options.notMeasured,
    maxMeasured: options.maxMeasured,
  };
}

/**
 * The alert names with most episodes started in the period, with the time they fired inside it (open
 * episodes count until the period's end) and how many entities they fired for.
 */
export function noisiestAlerts(
  episodes: EpisodeRow[],
  period: Period,
  limit = NOISIEST_ALERTS,
): TeamReportNoisyAlert[] {
  const byName = new Map<
    string,
    { episodes: number; firingMs: number; entities: Set<string> }
  >();
  for (const e of incidentsIn(episodes, period)) {
    const entry = byName.get(e.alertname) ?? {
      episodes: 0,
      firingMs: 0,
      entities: new Set<string>(),
    };
    entry.episodes += 1;
    entry.firingMs += Math.max(
      0,
      Math.min(e.resolvedAt ?? period.to, period.to) - e.firedAt,
    );
    entry.entities.add(e.entityRef);
    byName.set(e.alertname, entry);
  }
  return [...byName.entries()]
    .map(([alertname, v]) => ({
      alertname,
      episodes: v.episodes,
      firingSeconds: Math.round(v.firingMs / 1000),
      entities: v.entities.size,
    }))
    .sort(
      (a, b) =>
        b.episodes - a.episodes ||
        b.firingSeconds - a.firingSeconds ||
        a.alertname.localeCompare(b.alertname),
    )
    .slice(0, limit);
}

/**
 * Start of the SLI's first bad window that led to a firing (docs/alerts.md, "Mean time to detect"): from
 * one-minute steps of the 5-minute error ratio up to the firing time, the earliest step of the unbroken run
 * of steps above the budget ratio that ends at the last step at or before the firing. `undefined` when that
 * last step is not bad (or has no value): no bad window led to the alert. A missing step ends the run.
 */
export function firstBadWindowStart(
  points: Array<[number, number | null]>,
  firedAtSeconds: number,
  budgetRatio: number,
  stepSeconds = 60,
): number | undefined {
  const before = points
    .filter(([t]) => t <= firedAtSeconds)
    .sort(([a], [b]) => a - b);
  const bad = (v: number | null) =>
    v !== null && Number.isFinite(v) && v > budgetRatio;
  let start: number | undefined;
  for (let i = before.length - 1; i >= 0 && bad(before[i][1]); i--) {
    // A step without a sample breaks the run: nothing says the SLI was bad then.
    if (start !== undefined && start - before[i][0] > stepSeconds) {
      break;
    }
    start = before[i][0];
  }
  return start;
}
