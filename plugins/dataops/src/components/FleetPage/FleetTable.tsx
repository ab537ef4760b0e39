import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Paper from '@material-ui/core/Paper';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { FleetAnswer, worstFirst } from './fleetAnswer';
import { FleetCell } from './FleetCell';
import { useObservabilityPath } from './useEntityPath';

const useStyles = makeStyles(theme => ({
  container: {
    // Wide fleets scroll inside the card, not the page.
    maxWidth: '100%',
    overflowX: 'auto',
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: 2,
    },
  },
  workload: {
    // The workload stays in view while the environments scroll under it.
    position: 'sticky',
    left: 0,
    zIndex: 1,
    // Opaque, so the environments scrolling under it stay hidden; striped like the row it is in.
    backgroundColor: theme.palette.background.paper,
    'tbody tr:nth-of-type(odd) > &': {
      backgroundColor: theme.palette.background.default,
    },
    minWidth: 160,
    maxWidth: 320,
    overflowWrap: 'anywhere',
  },
  nowrap: { whiteSpace: 'nowrap' },
  cell: { verticalAlign: 'top', minWidth: 120 },
}));

/**
 * The matrix: one row per workload, worst first, with its type and system and one cell per environment. The
 * table's name is what browser tests and screen readers find it by.
 */
export function FleetTable(props: { answer: FleetAnswer }) {
  const { answer } = props;
  const classes = useStyles();
  const observabilityPath = useObservabilityPath();
  return (
    <TableContainer
      component={Paper}
      className={classes.container}
      // A region that scrolls must be reachable by keyboard to be scrolled without a mouse.
      tabIndex={0}
      role="region"
      aria-label="Workloads"
    >
      <Table size="small" aria-label="Workloads by environment">
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col" className={classes.workload}>
              Workload
            </TableCell>
            <TableCell component="th" scope="col">
              Type
            </TableCell>
            <TableCell component="th" scope="col">
              System
            </TableCell>
            {answer.environments.map(env => (
              <TableCell key={env} component="th" scope="col">
                {env}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {worstFirst(answer.rows).map(row => {
            const to = observabilityPath(row.entityRef);
            return (
              <TableRow key={row.entityRef}>
                <TableCell
                  component="th"
                  scope="row"
                  role="rowheader"
                  className={`${classes.workload} ${classes.cell}`}
                >
                  <Link to={to}>{row.title}</Link>
                </TableCell>
                <TableCell className={`${classes.nowrap} ${classes.cell}`}>
                  {row.type ?? '—'}
                </TableCell>
                <TableCell className={`${classes.nowrap} ${classes.cell}`}>
                  {row.system ?? '—'}
                </TableCell>
                {answer.environments.map(env => (
                  <TableCell key={env} className={classes.cell}>
                    <FleetCell
                      title={row.title}
                      env={env}
                      cell={row.cells.find(c => c.env === env)}
                      pending={row.pending.includes(env)}
                      to={to}
                    />
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
