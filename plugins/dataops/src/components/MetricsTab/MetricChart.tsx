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

const ENV_STYLES = [
  { colour: '#1565c0', dash: undefined },
  { colour: '#6a1b9a', dash: '6 3' },
  { colour: '#00695c', dash: '2 2' },
  { colour: '#ad1457', dash: '8 3 2 3' },
];
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
  return (
    <div
      ref={ref}
      role="img"
      aria-label={`${title} chart: ${series.map(s => s.name).join('; ')}`}
    >
      <LineChart
        width={width || 600}
        height={props.height ?? 220}
        data={data}
        margin={{ top: 8, right: 16, bottom: 0, left: 8 }}
        onClick={(state: any) => {
          const moment = Number(state?.activeLabel);
          if (onPointClick && Number.isFinite(moment))
            onPointClick(moment, envs);
        }}
        style={{ cursor: onPointClick ? 'pointer' : undefined }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={[fromMs, toMs]}
          tickFormatter={formatTime}
          allowDataOverflow
        />
        <YAxis
          width={72}
          tickFormatter={(v: number) => formatValue(v, unit)}
          domain={scale.domain}
          ticks={scale.ticks}
          interval={0}
          allowDataOverflow
          label={{
            value: unitLabel(unit),
            angle: -90,
            position: 'insideLeft',
            style: { textAnchor: 'middle' },
          }}
        />
        <Tooltip
          labelFormatter={(ms: number) =>
            DateTime.fromMillis(ms).toFormat('yyyy-LL-dd HH:mm:ss')
          }
          formatter={(v: number) => formatValue(v, unit)}
        />
        <Legend />
        {thresholds?.warning !== undefined && (
          <ReferenceLine
            y={thresholds.warning}
            stroke="#b26a00"
            strokeDasharray="4 4"
            ifOverflow="extendDomain"
            label={{
              value: `warning ${formatValue(thresholds.warning, unit)}`,
              position: 'insideTopRight',
              fill: '#7a4b00',
            }}
          />
        )}
        {thresholds?.critical !== undefined && (
          <ReferenceLine
            y={thresholds.critical}
            stroke="#c62828"
            ifOverflow="extendDomain"
            label={{
              value: `critical ${formatValue(thresholds.critical, unit)}`,
              position: 'insideTopRight',
              fill: '#9b1c1c',
            }}
          />
        )}
        {series.map(s => {
          const style =
            ENV_STYLES[
              Math.max(0, envOrder.indexOf(s.env)) % ENV_STYLES.length
            ];
          const index = series.filter(o => o.env === s.env).indexOf(s);
          return (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.name}
              stroke={style.colour}
              strokeOpacity={SERIES_SHADES[index % SERIES_SHADES.length]}
              strokeDasharray={style.dash}
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
