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
import { Thresholds } from '@dataops-observability/plugin-dataops-common';
import { formatValue, unitLabel, valueAxisScale } from '../../format';
import { ChartSeries, mergeSeries } from './chartData';
import { layoutThresholdLabels, valueAxisWidth } from './thresholdLabels';
import { useTheme } from '@material-ui/core/styles';
import type { Theme } from '@material-ui/core/styles';
import { statusColour, useChartInk, useLevelColours } from '../shared';

/** Each environment keeps a dash pattern, so series stay apart without relying on colour alone. */
const ENV_DASHES = [undefined, '6 3', '2 2', '8 3 2 3'];

/** Series colours from the theme's palette: Backstage tunes these for contrast on its light and dark paper. */
function envColours(theme: Theme): string[] {
  return [
    theme.palette.primary.main,
    theme.palette.secondary.main,
    statusColour(theme, 'ok'),
    statusColour(theme, 'pending'),
  ];
}
const SERIES_SHADES = [1, 0.75, 0.55, 0.4];

export interface MetricChartProps {
  title: string;
  unit: string;
  series: ChartSeries[];
  /** Environment order, so each environment keeps its colour and dash across charts. */
  envOrder: string[];
  thresholds?: Thresholds;
  fromMs: number;
  toMs: number;
  height?: number;
  onPointClick?(momentMs: number, envs: string[]): void;
}

function timeFormatter(spanMs: number) {
  const format = spanMs > 36 * 3_600_000 ? 'LLL dd HH:mm' : 'HH:mm';
  return (ms: number) => DateTime.fromMillis(ms).toFormat(format);
}

/** One panel's series as lines over the range, with its thresholds drawn as reference lines. */
export function MetricChart(props: MetricChartProps) {
  const {
    title,
    unit,
    series,
    envOrder,
    thresholds,
    fromMs,
    toMs,
    onPointClick,
  } = props;
  const [ref, { width }] = useMeasure<HTMLDivElement>();
  const data = mergeSeries(series);
  const scale = valueAxisScale({
    values: series.flatMap(s => s.points.map(([, v]) => v)),
    unit,
    thresholds,
  });
  const formatTime = timeFormatter(toMs - fromMs);
  const envs = Array.from(new Set(series.map(s => s.env)));
  const theme = useTheme();
  const ink = useChartInk();
  const levelColours = useLevelColours();
  const colours = envColours(theme);
  const height = props.height ?? 220;
  const margin = { top: 8, right: 16, bottom: 0, left: 8 };
  // Plot height without margins, the time axis (30 px) and the legend (about 24 px).
  const plotHeightPx = Math.max(1, height - margin.top - margin.bottom - 54);
  const thresholdLabels = layoutThresholdLabels({
    thresholds,
    domain: [Number(scale.domain[0]), Number(scale.domain[1])],
    plotHeightPx,
    format: v => formatValue(v, unit),
  });
  const yWidth = valueAxisWidth(
    (scale.ticks ?? []).map(t => formatValue(t, unit)),
  );
  return (
    <div
      ref={ref}
      role="img"
      aria-label={`${title} chart: ${series.map(s => s.name).join('; ')}`}
    >
      <LineChart
        width={width || 600}
        height={height}
        data={data}
        margin={margin}
        onClick={(state: any) => {
          const moment = Number(state?.activeLabel);
          if (onPointClick && Number.isFinite(moment))
            onPointClick(moment, envs);
        }}
        style={{ cursor: onPointClick ? 'pointer' : undefined }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke={ink.grid} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={[fromMs, toMs]}
          tickFormatter={formatTime}
          tick={{ fill: ink.axis }}
          stroke={ink.axis}
          allowDataOverflow
        />
        <YAxis
          width={yWidth}
          tick={{ fill: ink.axis }}
          stroke={ink.axis}
          tickFormatter={(v: number) => formatValue(v, unit)}
          domain={scale.domain}
          ticks={scale.ticks}
          interval={0}
          allowDataOverflow
          label={{
            value: unitLabel(unit),
            angle: -90,
            // Drawn at the outer edge of the axis; valueAxisWidth leaves it room clear of the ticks.
            position: 'insideLeft',
            offset: 0,
            style: { textAnchor: 'middle', fill: ink.text },
          }}
        />
        <Tooltip
          labelFormatter={(ms: number) =>
            DateTime.fromMillis(ms).toFormat('yyyy-LL-dd HH:mm:ss')
          }
          formatter={(v: number) => formatValue(v, unit)}
        />
        <Legend />
        {thresholdLabels.map(l => {
          const line = levelColours[l.level].line;
          return (
            <ReferenceLine
              key={l.level}
              y={l.value}
              stroke={line}
              strokeWidth={1.5}
              strokeDasharray={l.level === 'warning' ? '4 4' : undefined}
              ifOverflow="extendDomain"
              label={
                l.text
                  ? {
                      value: l.text,
                      position: l.position,
                      // Theme text on a paper-coloured halo: readable whatever the status colour's contrast.
                      fill: ink.text,
                      stroke: ink.background,
                      strokeWidth: 3,
                      paintOrder: 'stroke',
                      fontSize: 12,
                    }
                  : undefined
              }
            />
          );
        })}
        {series.map(s => {
          const envIndex = Math.max(0, envOrder.indexOf(s.env));
          const index = series.filter(o => o.env === s.env).indexOf(s);
          return (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.name}
              stroke={colours[envIndex % colours.length]}
              strokeOpacity={SERIES_SHADES[index % SERIES_SHADES.length]}
              strokeDasharray={ENV_DASHES[envIndex % ENV_DASHES.length]}
              dot={false}
              isAnimationActive={false}
              connectNulls={false}
            />
          );
        })}
      </LineChart>
    </div>
  );
}
