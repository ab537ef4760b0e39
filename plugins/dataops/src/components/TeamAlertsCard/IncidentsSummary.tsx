import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ComposedChart,
  Legend,
  Line,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import useMeasure from 'react-use/esm/useMeasure';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { IncidentsResponse } from '@dataops-observability/plugin-dataops-common';
import { formatDuration } from '../../format';
import { useTheme } from '@material-ui/core/styles';
import { priorityColours } from '../AlertParts';
import { MutedText, statusColour, useChartInk } from '../shared';
import {
  describeFiring,
  describeWeeks,
  firingPoints,
  formatHours,
  formatMinutes,
  weeklyPoints,
} from './incidentChartData';

const MOST_AFFECTED = 5;

function Figure(props: { label: string; value: string }) {
  return (
    <Box mr={3} role="group" aria-label={props.label}>
      <MutedText variant="caption">{props.label}</MutedText>
      <Typography variant="h6" component="p">
        {props.value}
      </Typography>
    </Box>
  );
}

/**
 * Incident history of a team over the window: headline figures, weekly incidents as bars with MTTR as a
 * line, time spent firing per priority, and the entities with most incidents.
 */
export function IncidentsSummary(props: { response: IncidentsResponse }) {
  const { response } = props;
  const { total, window } = response;
  const [ref, { width }] = useMeasure<HTMLDivElement>();
  const theme = useTheme();
  const ink = useChartInk();
  const chartWidth = width || 520;
  const groups = new Set(response.groups);
  const entities = response.byEntity
    .filter(e => groups.has(e.owner) && e.incidents > 0)
    .slice(0, MOST_AFFECTED);
  const firing = firingPoints(response);
  if (total.incidents === 0 && firing.every(p => p.hours === 0)) {
    return (
      <Typography variant="body2" role="status">
        No incidents in the last {window.days} days.
      </Typography>
    );
  }
  const weeks = weeklyPoints(response);
  return (
    <div ref={ref}>
      <Box display="flex" flexWrap="wrap" mb={1}>
        <Figure
          label={`Incidents (${window.days} d)`}
          value={String(total.incidents)}
        />
        <Figure label="Still firing" value={String(total.open)} />
        <Figure
          label="Mean time to recover"
          value={
            total.mttrSeconds === null
              ? 'none resolved'
              : formatDuration(total.mttrSeconds * 1000)
          }
        />
      </Box>
      <div
        role="img"
        aria-label={`Weekly incidents and MTTR: ${describeWeeks(weeks)}`}
      >
        <ComposedChart
          width={chartWidth}
          height={200}
          data={weeks}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke={ink.grid} />
          <XAxis dataKey="week" tick={{ fill: ink.axis }} stroke={ink.axis} />
          <YAxis
            yAxisId="count"
            allowDecimals={false}
            width={40}
            tick={{ fill: ink.axis }}
            stroke={ink.axis}
          />
          <YAxis
            tick={{ fill: ink.axis }}
            stroke={ink.axis}
            yAxisId="mttr"
            orientation="right"
            width={72}
            tickFormatter={formatMinutes}
          />
          <Tooltip
            formatter={(v: number, name: string) =>
              name === 'MTTR' ? formatMinutes(v) : v
            }
          />
          <Legend />
          <Bar
            yAxisId="count"
            dataKey="incidents"
            name="Incidents"
            fill={theme.palette.primary.main}
            isAnimationActive={false}
          />
          <Line
            yAxisId="mttr"
            dataKey="mttrMinutes"
            name="MTTR"
            stroke={statusColour(theme, 'warning')}
            strokeWidth={2}
            isAnimationActive={false}
          />
        </ComposedChart>
      </div>
      <Typography variant="subtitle2" style={{ marginTop: 8 }}>
        Time firing by priority
      </Typography>
      <div
        role="img"
        aria-label={`Time firing by priority: ${describeFiring(firing)}`}
      >
        <BarChart
          width={chartWidth}
          height={140}
          data={firing}
          layout="vertical"
          margin={{ top: 0, right: 8, bottom: 0, left: 0 }}
        >
          <XAxis
            type="number"
            tickFormatter={formatHours}
            tick={{ fill: ink.axis }}
            stroke={ink.axis}
          />
          <YAxis
            type="category"
            dataKey="priority"
            width={40}
            tick={{ fill: ink.axis }}
            stroke={ink.axis}
          />
          <Tooltip formatter={(v: number) => formatHours(v)} />
          <Bar dataKey="hours" name="Time firing" isAnimationActive={false}>
            {firing.map(p => (
              <Cell
                key={p.priority}
                fill={priorityColours(theme, p.priority).line}
              />
            ))}
          </Bar>
        </BarChart>
      </div>
      {entities.length > 0 && (
        <>
          <Typography variant="subtitle2" style={{ marginTop: 8 }}>
            Most incidents
          </Typography>
          <ul aria-label="Most incidents" style={{ margin: 0 }}>
            {entities.map(e => (
              <li key={e.entityRef}>
                <EntityRefLink entityRef={e.entityRef} />: {e.incidents}, MTTR{' '}
                {e.mttrSeconds === null
                  ? 'n/a'
                  : formatDuration(e.mttrSeconds * 1000)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
