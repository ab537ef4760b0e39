import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import useMeasure from 'react-use/esm/useMeasure';
import { DateTime } from 'luxon';
import { RunsData } from '@dataops-observability/plugin-dataops-common';
import { useTheme } from '@material-ui/core/styles';
import { formatDuration } from '../../format';
import { useChartInk, useLevelColours } from '../shared';

/**
 * The SLA line and the critical line differ in dash as well as colour (the theme's warning and critical
 * colours), so neither relies on colour alone.
 */
export const SLA_LINE_DASHES = { sla: '8 5', critical: '2 4' } as const;

/** Rows of the chart: one per run with a duration, oldest first, times in ms and durations in minutes. */
export function durationRows(data: RunsData) {
  return data.runs
    .filter(r => r.startedAt && r.durationSeconds !== undefined)
    .map(r => ({
      t: Date.parse(r.startedAt!),
      minutes: r.durationSeconds! / 60,
    }))
    .sort((a, b) => a.t - b.t);
}

/** Run durations over the range against the SLA (warning) and SLA + 50% (critical) lines. */
export function RunDurationChart(props: { data: RunsData; env: string }) {
  const { data, env } = props;
  const [ref, { width }] = useMeasure<HTMLDivElement>();
  const theme = useTheme();
  const ink = useChartInk();
  const levels = useLevelColours();
  const rows = durationRows(data);
  const sla = data.sla;
  const slaMinutes = sla ? sla.seconds / 60 : undefined;
  const criticalMinutes =
    sla?.thresholds.critical !== undefined
      ? sla.thresholds.critical / 60
      : undefined;
  // Room above the critical line, so both lines show even when every run is well inside the SLA.
  const top = Math.max(
    ...rows.map(r => r.minutes),
    (criticalMinutes ?? 0) * 1.1,
    1,
  );
  return (
    <div
      ref={ref}
      role="img"
      aria-label={`Run durations in ${env}: ${rows.length} runs${
        sla ? `, SLA ${formatDuration(sla.seconds * 1000)}` : ', no SLA set'
      }`}
    >
      <LineChart
        width={width || 320}
        height={180}
        data={rows}
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke={ink.grid} />
        <XAxis
          tick={{ fill: ink.axis }}
          stroke={ink.axis}
          dataKey="t"
          type="number"
          scale="time"
          domain={['dataMin', 'dataMax']}
          tickFormatter={(ms: number) =>
            DateTime.fromMillis(ms).toFormat('dd HH:mm')
          }
        />
        <YAxis
          tick={{ fill: ink.axis }}
          stroke={ink.axis}
          width={48}
          domain={[0, Math.ceil(top)]}
          tickFormatter={(m: number) => `${Math.round(m)}m`}
        />
        <Tooltip
          labelFormatter={(ms: number) =>
            DateTime.fromMillis(ms).toFormat('yyyy-LL-dd HH:mm')
          }
          formatter={(m: number) => formatDuration(m * 60_000)}
        />
        <Legend />
        <Line
          name="Run duration"
          dataKey="minutes"
          stroke={theme.palette.primary.main}
          strokeWidth={2}
          isAnimationActive={false}
        />
        {slaMinutes !== undefined && (
          <ReferenceLine
            y={slaMinutes}
            stroke={levels.warning.line}
            strokeDasharray={SLA_LINE_DASHES.sla}
            label={{ value: 'SLA', position: 'insideTopRight', fill: ink.text }}
          />
        )}
        {criticalMinutes !== undefined && (
          <ReferenceLine
            y={criticalMinutes}
            stroke={levels.critical.line}
            strokeDasharray={SLA_LINE_DASHES.critical}
            label={{
              value: 'SLA + 50%',
              position: 'insideTopRight',
              fill: ink.text,
            }}
          />
        )}
      </LineChart>
    </div>
  );
}
