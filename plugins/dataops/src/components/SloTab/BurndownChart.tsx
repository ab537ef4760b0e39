import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import useMeasure from 'react-use/esm/useMeasure';
import { DateTime } from 'luxon';
import {
  idealBurndown,
  SloData,
} from '@dataops-observability/plugin-dataops-common';
import { burndownAxisScale, formatAxisPercent } from '../../format';
import { formatPercent } from './sloFormat';
import { useTheme } from '@material-ui/core/styles';
import type { Theme } from '@material-ui/core/styles';
import { statusColour, useChartInk } from '../shared';

/**
 * Line styles of the burndown: the ideal line differs from the actual one in colour (both from the theme)
 * and in dash, so they stay apart without colour.
 */
export function burndownStyle(theme: Theme) {
  return {
    actual: { stroke: theme.palette.primary.main, strokeWidth: 2 },
    ideal: {
      stroke: statusColour(theme, 'warning'),
      strokeWidth: 2,
      strokeDasharray: '8 5',
    },
  };
}

interface Row {
  t: number;
  actual?: number | null;
  ideal?: number;
}

/** Actual and ideal rows on one time axis (milliseconds), sorted. */
export function burndownRows(data: SloData, end: number): Row[] {
  const rows = new Map<number, Row>();
  const row = (t: number) => {
    const ms = t * 1000;
    const existing = rows.get(ms) ?? { t: ms };
    rows.set(ms, existing);
    return existing;
  };
  for (const [t, v] of idealBurndown({ period: data.window, end })) {
    row(t).ideal = v;
  }
  for (const [t, v] of data.burndown) {
    row(t).actual = v;
  }
  return [...rows.values()].sort((a, b) => a.t - b.t);
}

/**
 * Remaining budget per day against the ideal line that spends it evenly over the period: below the line means
 * the budget runs out before the period does.
 */
export function BurndownChart(props: { data: SloData }) {
  const { data } = props;
  const [ref, { width }] = useMeasure<HTMLDivElement>();
  const BURNDOWN_STYLE = burndownStyle(useTheme());
  const ink = useChartInk();
  const last = data.burndown[data.burndown.length - 1];
  const end = data.evaluatedAt ?? last?.[0] ?? Math.floor(Date.now() / 1000);
  const rows = burndownRows(data, end);
  const scale = burndownAxisScale(rows.flatMap(r => [r.actual, r.ideal]));
  return (
    <div
      ref={ref}
      role="img"
      aria-label={`Error budget burndown over ${data.window}: ${
        last && last[1] !== null
          ? `${formatPercent(last[1], 1)} left at the end`
          : 'no data'
      }, ideal line from 100% to 0%`}
    >
      <LineChart
        width={width || 400}
        height={200}
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
            DateTime.fromMillis(ms).toFormat('LLL dd')
          }
        />
        <YAxis
          tick={{ fill: ink.axis }}
          stroke={ink.axis}
          // Room for the sign of an overspent budget ("-200%").
          width={56}
          tickFormatter={formatAxisPercent}
          domain={scale.domain}
          ticks={scale.ticks}
          interval={0}
        />
        <Tooltip
          labelFormatter={(ms: number) =>
            DateTime.fromMillis(ms).toFormat('yyyy-LL-dd HH:mm')
          }
          formatter={(v: number) => formatPercent(v, 1)}
        />
        <Legend />
        <Line
          name="Budget left"
          dataKey="actual"
          stroke={BURNDOWN_STYLE.actual.stroke}
          strokeWidth={BURNDOWN_STYLE.actual.strokeWidth}
          isAnimationActive={false}
          connectNulls
        />
        {/* Drawn last and dashed in another colour, so it stays visible where it runs over the actual line. */}
        <Line
          name="Ideal (even spend)"
          dataKey="ideal"
          stroke={BURNDOWN_STYLE.ideal.stroke}
          strokeWidth={BURNDOWN_STYLE.ideal.strokeWidth}
          strokeDasharray={BURNDOWN_STYLE.ideal.strokeDasharray}
          dot={false}
          isAnimationActive={false}
          connectNulls
        />
      </LineChart>
    </div>
  );
}
