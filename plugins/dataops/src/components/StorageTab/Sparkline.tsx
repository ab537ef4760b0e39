import { Line, LineChart, ReferenceLine, YAxis } from 'recharts';
import { Thresholds } from '@dataops-observability/plugin-dataops-common';
import { LEVEL_COLOURS } from '../shared';

/** A small line of the check's value over the selected range, with its thresholds as dashed lines. */
export function Sparkline(props: {
  points: Array<[number, number | null]>;
  threshold?: Thresholds;
  label: string;
}) {
  const { points, threshold, label } = props;
  const data = points.map(([t, v]) => ({ t: t * 1000, v }));
  return (
    <div role="img" aria-label={label}>
      <LineChart
        width={220}
        height={48}
        data={data}
        margin={{ top: 4, right: 2, bottom: 4, left: 2 }}
      >
        <YAxis hide domain={['auto', 'auto']} />
        {threshold?.warning !== undefined && (
          <ReferenceLine
            y={threshold.warning}
            stroke={LEVEL_COLOURS.warning.fg}
            strokeDasharray="3 3"
            ifOverflow="extendDomain"
          />
        )}
        {threshold?.critical !== undefined && (
          <ReferenceLine
            y={threshold.critical}
            stroke={LEVEL_COLOURS.critical.fg}
            strokeDasharray="3 3"
            ifOverflow="extendDomain"
          />
        )}
        <Line
          type="monotone"
          dataKey="v"
          dot={false}
          isAnimationActive={false}
          stroke="#1565c0"
          strokeWidth={1.5}
          connectNulls={false}
        />
      </LineChart>
    </div>
  );
}
