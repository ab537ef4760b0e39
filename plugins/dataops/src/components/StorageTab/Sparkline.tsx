import { Line, LineChart, ReferenceLine, YAxis } from 'recharts';
import { Thresholds } from '@dataops-observability/plugin-dataops-common';
import { statusColour, useLevelColours } from '../shared';
import { useTheme } from '@material-ui/core/styles';

/** A small line of the check's value over the selected range, with its thresholds as dashed lines. */
export function Sparkline(props: {
  points: Array<[number, number | null]>;
  threshold?: Thresholds;
  label: string;
}) {
  const { points, threshold, label } = props;
  const theme = useTheme();
  const colours = useLevelColours();
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
            stroke={colours.warning.line}
            strokeDasharray="3 3"
            ifOverflow="extendDomain"
          />
        )}
        {threshold?.critical !== undefined && (
          <ReferenceLine
            y={threshold.critical}
            stroke={colours.critical.line}
            strokeDasharray="3 3"
            ifOverflow="extendDomain"
          />
        )}
        <Line
          type="monotone"
          dataKey="v"
          dot={false}
          isAnimationActive={false}
          stroke={statusColour(theme, 'running')}
          strokeWidth={1.5}
          connectNulls={false}
        />
      </LineChart>
    </div>
  );
}
