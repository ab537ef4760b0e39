import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import { makeStyles } from '@material-ui/core/styles';
import { MutedText, StatusChip } from '../shared';
import { FleetAnswer, LEVELS_WORST_FIRST, cellProgress } from './fleetAnswer';

const useStyles = makeStyles(theme => ({
  counts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  progress: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginTop: theme.spacing(1),
  },
  bar: { flex: '0 1 240px' },
}));

/**
 * The cells per level, worst first, as words on the theme's status colours; while cells are still computing,
 * how many are in.
 */
export function FleetCounts(props: { answer: FleetAnswer }) {
  const { answer } = props;
  const classes = useStyles();
  const { computed, total, pending } = cellProgress(answer);
  return (
    <Box mb={2}>
      <ul aria-label="Cells per level" className={classes.counts}>
        {LEVELS_WORST_FIRST.map(level => (
          <li key={level}>
            <StatusChip
              level={level}
              label={`${answer.counts[level] ?? 0} ${level}`}
            />
          </li>
        ))}
      </ul>
      {pending && (
        <div className={classes.progress} role="status">
          <LinearProgress
            className={classes.bar}
            variant="determinate"
            value={total ? (100 * computed) / total : 0}
            aria-label="Cells computed"
          />
          <MutedText variant="body2">
            <span>{`${computed} of ${total} cells in`}</span>, the rest are
            still computing
          </MutedText>
        </div>
      )}
    </Box>
  );
}
