import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  PRIORITIES,
  ResolvedAlertRoute,
  TeamAlertReceiversResponse,
  formatAlertReceiverTarget,
} from '@dataops-observability/plugin-dataops-common';
import { MutedText } from '../shared';

/** Where one route's value came from, in words. */
function sourceNote(route: ResolvedAlertRoute): string {
  const notes: string[] = [];
  switch (route.source) {
    case 'inherited':
      notes.push(`inherited from ${route.from ?? 'a parent group'}`);
      break;
    case 'default':
      notes.push('configured default');
      break;
    case 'placeholder':
      notes.push('nowhere configured: placeholder');
      break;
    default:
      break;
  }
  if (route.borrowed && route.scope) {
    notes.push(`as ${route.scope}`);
  }
  if (route.pagerDropped) {
    notes.push('no paging here');
  }
  return notes.join(', ');
}

function RouteCell(props: { route?: ResolvedAlertRoute }) {
  const { route } = props;
  if (!route) {
    return <TableCell>-</TableCell>;
  }
  const targets =
    route.source === 'placeholder'
      ? 'not set'
      : route.targets.map(formatAlertReceiverTarget).join(', ') || 'none';
  const note = sourceNote(route);
  return (
    <TableCell>
      <Typography variant="body2">{targets}</Typography>
      {note && <MutedText variant="caption">{note}</MutedText>}
    </TableCell>
  );
}

/** Where the team's alerts go: one row per environment, one column per priority. */
export function AlertReceiversTable(props: {
  response: TeamAlertReceiversResponse;
}) {
  const { response } = props;
  const byKey = new Map(
    response.routes.map(r => [`${r.env}\u0000${r.priority}`, r]),
  );
  const paging = new Set(response.pagingEnvironments);
  if (!response.environments.length) {
    return <Typography>No environments are configured.</Typography>;
  }
  return (
    <Table size="small" aria-label="Where alerts go">
      <TableHead>
        <TableRow>
          <TableCell>Environment</TableCell>
          {PRIORITIES.map(p => (
            <TableCell key={p}>{p}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {response.environments.map(env => (
          <TableRow key={env}>
            <TableCell>
              {env}
              {paging.has(env) ? ' (pages)' : ''}
            </TableCell>
            {PRIORITIES.map(p => (
              <RouteCell key={p} route={byKey.get(`${env}\u0000${p}`)} />
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
