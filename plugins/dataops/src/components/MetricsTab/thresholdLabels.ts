import type { Thresholds } from '@dataops-observability/plugin-dataops-common';

/**
 * Where recharts draws a reference line's label, at the right edge. A reference line's box has no height,
 * so `insideTopRight` hangs the text just below the line and `insideBottomRight` stands it just above.
 */
export type LabelPosition = 'insideTopRight' | 'insideBottomRight';

/** One threshold line with the label to draw on it (`text` is empty when another label carries it). */
export interface ThresholdLabel {
  level: 'warning' | 'critical';
  value: number;
  text: string;
  position: LabelPosition;
}

/** Height of one label line in px at the chart's font size, plus a little air. */
export const LABEL_HEIGHT_PX = 16;

/**
 * Places the warning and critical labels so they never overlap. Far apart, both hang below their line.
 * Closer than a label's height, the higher line's label moves above it and the lower one stays below its
 * line, so the two labels sit on the outer sides of the gap. On the same pixel row (equal values, or a
 * range so wide they cannot be told apart), one label names both.
 */
export function layoutThresholdLabels(options: {
  thresholds?: Thresholds;
  /** Value-axis domain [min, max]. */
  domain: [number, number];
  /** Height of the plotting area in px. */
  plotHeightPx: number;
  format(value: number): string;
}): ThresholdLabel[] {
  const { thresholds, domain, plotHeightPx, format } = options;
  const lines: Array<{ level: 'warning' | 'critical'; value: number }> = [];
  if (isFiniteNumber(thresholds?.warning))
    lines.push({ level: 'warning', value: thresholds!.warning! });
  if (isFiniteNumber(thresholds?.critical))
    lines.push({ level: 'critical', value: thresholds!.critical! });
  const labels: ThresholdLabel[] = lines.map(l => ({
    ...l,
    text: `${l.level} ${format(l.value)}`,
    position: 'insideTopRight',
  }));
  if (labels.length < 2) return labels;

  const span = domain[1] - domain[0];
  const pxPerUnit = span > 0 ? plotHeightPx / span : 0;
  const [warning, critical] = labels;
  const gapPx = Math.abs(critical.value - warning.value) * pxPerUnit;
  if (gapPx >= LABEL_HEIGHT_PX) return labels;
  if (gapPx < 1) {
    return [
      { ...critical, text: `${critical.text} · ${warning.text}` },
      { ...warning, text: '' },
    ];
  }
  const upper = critical.value >= warning.value ? critical : warning;
  return labels.map(l =>
    l.level === upper.level ? { ...l, position: 'insideBottomRight' } : l,
  );
}

/**
 * Width of the value axis: room for the longest tick label, the tick gap, and the rotated axis title at the
 * outer edge, so the title never runs into the ticks.
 */
export function valueAxisWidth(tickLabels: string[], charWidthPx = 7): number {
  const longest = Math.max(0, ...tickLabels.map(t => t.length));
  const tickGapPx = 10;
  const titleRoomPx = 22;
  return Math.ceil(longest * charWidthPx) + tickGapPx + titleRoomPx;
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
