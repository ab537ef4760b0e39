import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import {
  budgetSpentInWindow,
  SloData,
} from '@dataops-observability/plugin-dataops-common';
import { alpha } from '@material-ui/core/styles';
import { useLevelColours } from '../shared';
import {
  exceededThresholdsOfWindow,
  firingAlertsOfWindow,
  formatBurnRate,
  formatPercent,
} from './sloFormat';

function statusText(data: SloData, window: string, rate: number | null) {
  const firing = firingAlertsOfWindow(data, window);
  if (firing.length) {
    return {
      text: `Firing: ${firing
        .map(a => `${a.priority} (above ${a.threshold})`)
        .join(', ')}`,
      level: (firing.some(a => a.priority === 'P1')
        ? 'critical'
        : 'warning') as 'critical' | 'warning',
    };
  }
  const exceeded = exceededThresholdsOfWindow(data, window, rate);
  if (exceeded.length) {
    return {
      text: `Above the ${exceeded
        .map(a => `${a.priority} threshold ${a.threshold}`)
        .join(', ')}, but its paired window is not: no alert`,
      level: undefined,
    };
  }
  return {
    text: rate === null ? 'No traffic in this window' : 'OK',
    level: undefined,
  };
}

/** Burn rate per window; windows taking part in a firing alert are coloured and say so in words. */
export function BurnRateTable(props: { data: SloData }) {
  const { data } = props;
  const levelColours = useLevelColours();
  return (
    <Table size="small" aria-label="Burn rates per window">
      <TableHead>
        <TableRow>
          <TableCell>Window</TableCell>
          <TableCell align="right">Burn rate</TableCell>
          <TableCell align="right">Budget used in the window</TableCell>
          <TableCell>Status</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.burnRates.map(b => {
          const status = statusText(data, b.window, b.rate);
          const colours = status.level ? levelColours[status.level] : undefined;
          return (
            <TableRow
              key={b.window}
              data-window={b.window}
              data-firing={status.text.startsWith('Firing') ? 'true' : 'false'}
              style={
                colours
                  ? { backgroundColor: alpha(colours.line, 0.14) }
                  : undefined
              }
            >
              <TableCell>{b.window}</TableCell>
              <TableCell align="right">{formatBurnRate(b.rate)}</TableCell>
              <TableCell align="right">
                {b.rate === null
                  ? '–'
                  : formatPercent(
                      budgetSpentInWindow(b.rate, b.window, data.window),
                      2,
                    )}
              </TableCell>
              <TableCell
                style={
                  colours
                    ? {
                        fontWeight: 600,
                        borderLeft: `4px solid ${colours.line}`,
                      }
                    : undefined
                }
              >
                {status.text}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
