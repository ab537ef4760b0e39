import { AnnotationValueError } from '../annotationValues';
import { parseDuration } from '../time';

/** The longest run-time SLA the suite accepts: a run that may take over a week has no useful SLA. @public */
export const MAX_RUN_SLA_SECONDS = 7 * 86400;

/** Run time past the SLA at which a run turns from warning to critical (SLA + 50%). @public */
export const RUN_SLA_CRITICAL_FACTOR = 1.5;

/**
 * Reads `dataops.io/run-sla` (`45m`, `2h`, `90s`): one count without leading zeros and one unit of s, m, h,
 * d. Returns seconds; anything else, zero or over a week is an {@link AnnotationValueError} naming the value.
 * @public
 */
export function parseRunSla(value: string): number {
  const text = String(value).trim();
  // canonical: '045m' or '0m' would parse, but mean nothing an owner would write on purpose.
  const seconds = /^\d{1,6}[smhd]$/.test(text)
    ? parseDuration(text, { maxDigits: 6, canonical: true })
    : undefined;
  if (seconds === undefined) {
    throw new AnnotationValueError(
      `'${text}' is not a run duration such as 45m, 2h or 90s (one whole number and a unit of s, m, h or d)`,
    );
  }
  if (seconds > MAX_RUN_SLA_SECONDS) {
    throw new AnnotationValueError(
      `'${text}' is longer than the longest run SLA of 7d`,
    );
  }
  return seconds;
}

/** Thresholds of a run's duration, in seconds: warning past the SLA, critical past SLA + 50%. @public */
export function runSlaThresholds(slaSeconds: number): {
  direction: 'above';
  warning: number;
  critical: number;
} {
  return {
    direction: 'above',
    warning: slaSeconds,
    critical: slaSeconds * RUN_SLA_CRITICAL_FACTOR,
  };
}
