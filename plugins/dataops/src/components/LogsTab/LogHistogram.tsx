import { useState } from 'react';
import Button from '@material-ui/core/Button';
import {
  Bar,
  BarChart,
  Brush,
  CartesianGrid,
  Legend,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import useMeasure from 'react-use/esm/useMeasure';
import { DateTime } from 'luxon';
import { LogHistogramBucket } from '@dataops-observability/plugin-dataops-common';
import { useTheme } from '@material-ui/core/styles';
import { LEVEL_SERIES, logLevelColours } from './levels';
import { MutedText, useChartInk } from '../shared';

/** Buckets of several environments summed per timestamp, sorted by time. */
export function mergeHistograms(
  histograms: LogHistogramBucket[][],
): Array<{ t: number } & Record<string, number>> {
  const rows = new Map<number, { t: number } & Record<string, number>>();
  for (const buckets of histograms) {
    for (const b of buckets) {
      const row =
        rows.get(b.timestamp) ??
        ({ t: b.timestamp } as { t: number } & Record<string, number>);
      for (const [level, count] of Object.entries(b.counts)) {
        row[level] = (row[level] ?? 0) + (count ?? 0);
      }
      rows.set(b.timestamp, row);
    }
  }
  return Array.from(rows.values()).sort((a, b) => a.t - b.t);
}

/** The window covered by buckets `start..end` (inclusive), each `intervalMs` wide. */
export function selectionRange(
  rows: Array<{ t: number }>,
  start: number,
  end: number,
  intervalMs: number,
): { from: string; to: string } {
  return {
    from: new Date(rows[start].t).toISOString(),
    to: new Date(rows[end].t + intervalMs).toISOString(),
  };
}

export interface LogHistogramProps {
  histograms: LogHistogramBucket[][];
  intervalMs?: number;
  onZoom(range: { from: string; to: string }): void;
}

/**
 * Count of lines per level over the range, stacked. Dragging the brush selects buckets; zooming to the selection
 * sets the time range of the whole tab.
 */
/** Keyboard zoom step: the middle half of the buckets, so repeated presses narrow in like a brush would. */
export function middleHalf(rows: Array<{ t: number }>, intervalMs: number) {
  const quarter = Math.floor(rows.length / 4);
  return selectionRange(rows, quarter, rows.length - 1 - quarter, intervalMs);
}

/** What the brush's sliders say to a screen reader: the window they select, in the axis' format. */
export function brushLabel(
  rows: Array<{ t: number }>,
  selection: { start: number; end: number } | undefined,
  format: string,
): string {
  const at = (i: number) => DateTime.fromMillis(rows[i].t).toFormat(format);
  const start = selection?.start ?? 0;
  const end = selection?.end ?? rows.length - 1;
  return `Selected time window: ${at(start)} to ${at(end)}`;
}

export function LogHistogram(props: LogHistogramProps) {
  const { histograms, onZoom } = props;
  const [ref, { width }] = useMeasure<HTMLDivElement>();
  const rows = mergeHistograms(histograms);
  const [selection, setSelection] = useState<{ start: number; end: number }>();
  const theme = useTheme();
  const ink = useChartInk();
  if (rows.length === 0) {
    return (
      <MutedText variant="body2">No log lines in the selected range.</MutedText>
    );
  }
  const intervalMs =
    props.intervalMs ?? (rows.length > 1 ? rows[1].t - rows[0].t : 60_000);
  const levels = LEVEL_SERIES.filter(s => rows.some(r => r[s.level]));
  const spanMs = rows[rows.length - 1].t - rows[0].t;
  const format = spanMs > 36 * 3_600_000 ? 'LLL dd HH:mm' : 'HH:mm';
  const partial =
    selection && (selection.start > 0 || selection.end < rows.length - 1);
  return (
    <div>
      {/* A figure, not an image: the brush inside is a pair of keyboard sliders, which an image would hide. */}
      <div ref={ref} role="figure" aria-label="Log lines per level over time">
        <BarChart
          width={width || 600}
          height={180}
          data={rows}
          margin={{ top: 8, right: 16, left: 0, bottom: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="t"
            tickFormatter={(ms: number) =>
              DateTime.fromMillis(ms).toFormat(format)
            }
          />
          <YAxis
            allowDecimals={false}
            width={48}
            tick={{ fill: ink.axis }}
            stroke={ink.axis}
          />
          <Tooltip
            labelFormatter={(ms: number) =>
              DateTime.fromMillis(ms).toFormat('yyyy-LL-dd HH:mm:ss')
            }
          />
          <Legend />
          {levels.map(s => (
            <Bar
              key={s.level}
              dataKey={s.level}
              stackId="levels"
              fill={logLevelColours(theme, s.level).line}
              isAnimationActive={false}
            />
          ))}
          {rows.length > 2 && (
            <Brush
              dataKey="t"
              height={20}
              ariaLabel={brushLabel(rows, selection, format)}
              tickFormatter={(ms: number) =>
                DateTime.fromMillis(ms).toFormat(format)
              }
              onChange={(r: { startIndex?: number; endIndex?: number }) =>
                setSelection({
                  start: r.startIndex ?? 0,
                  end: r.endIndex ?? rows.length - 1,
                })
              }
            />
          )}
        </BarChart>
      </div>
      {/* Outside the img role, so screen readers reach them; the brush itself needs a mouse. */}
      {rows.length > 3 && (
        <Button
          size="small"
          variant="outlined"
          style={{ marginRight: 8 }}
          onClick={() => onZoom(middleHalf(rows, intervalMs))}
        >
          Zoom in to the middle half
        </Button>
      )}
      {partial && selection && (
        <Button
          size="small"
          variant="outlined"
          onClick={() =>
            onZoom(
              selectionRange(rows, selection.start, selection.end, intervalMs),
            )
          }
        >
          Zoom to selection
        </Button>
      )}
    </div>
  );
}
