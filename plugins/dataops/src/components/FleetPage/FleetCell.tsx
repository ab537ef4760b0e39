import { DateTime } from 'luxon';
import CircularProgress from '@material-ui/core/CircularProgress';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { MutedText, StatusChip } from '../shared';
import { FleetCell as Cell } from './fleetAnswer';

const useStyles = makeStyles(theme => ({
  pending: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    whiteSpace: 'nowrap',
    color: theme.palette.text.secondary,
  },
  link: {
    display: 'inline-block',
    borderRadius: 12,
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: 2,
    },
  },
  reason: {
    display: 'block',
    maxWidth: '28ch',
    marginTop: theme.spacing(0.5),
    overflowWrap: 'anywhere',
  },
}));

/** "computed 5 minutes ago", or nothing when the backend gave no (valid) time. */
export function computedAge(
  computedAt: string | undefined,
): string | undefined {
  if (!computedAt) return undefined;
  const at = DateTime.fromISO(computedAt);
  if (!at.isValid) return undefined;
  return `computed ${at.toRelative() ?? computedAt}`;
}

export interface FleetCellProps {
  /** The workload's title, for the link's accessible name. */
  title: string;
  env: string;
  cell?: Cell;
  /** Whether the backend is still computing this environment. */
  pending: boolean;
  /** Where the cell leads: the workload's observability tab. */
  to: string;
}

/**
 * One environment of one workload: the level word on its status colour, linking to the observability tab, the
 * reason and the cell's age in a tooltip; an unknown cell shows its reason below the word, since the word
 * alone says nothing there.
 */
export function FleetCell(props: FleetCellProps) {
  const { title, env, cell, pending, to } = props;
  const classes = useStyles();
  if (!cell) {
    if (pending) {
      return (
        <span className={classes.pending}>
          <CircularProgress size={14} aria-hidden />
          loading…
        </span>
      );
    }
    return <span>—</span>;
  }
  const age = computedAge(cell.computedAt);
  const label = `${title} ${env}: ${cell.word}, ${cell.reason}${
    age ? `, ${age}` : ''
  }`;
  return (
    <>
      <Tooltip
        title={
          <>
            <span>{cell.reason}</span>
            {age && (
              <>
                <br />
                <span>{age}</span>
              </>
            )}
          </>
        }
      >
        <Link to={to} aria-label={label} className={classes.link}>
          <StatusChip level={cell.level} label={cell.word} />
        </Link>
      </Tooltip>
      {cell.level === 'unknown' && (
        <MutedText variant="caption" className={classes.reason} aria-hidden>
          {cell.reason}
        </MutedText>
      )}
    </>
  );
}
