import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link as RouterLink } from 'react-router-dom';
import { DateTime } from 'luxon';
import {
  HealthLevel,
  RunEntry,
  RunSla,
} from '@dataops-observability/plugin-dataops-common';
import { formatDuration } from '../../format';
import { MutedText, StatusChip, useReadableTextStyles } from '../shared';

const useStyles = makeStyles(theme => ({
  item: {
    padding: theme.spacing(1),
    borderBottom: `1px solid ${theme.palette.divider}`,
    listStyle: 'none',
  },
  line: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  task: { marginTop: theme.spacing(0.5), paddingLeft: theme.spacing(1) },
}));

/** Words for a duration past its SLA, so the chip's colour is never the only carrier of the verdict. */
const OVER_SLA: Partial<Record<HealthLevel, string>> = {
  warning: ', over SLA',
  critical: ', over SLA + 50%',
};

/** "52 min of 45 min SLA, over SLA", or just the duration without an SLA. */
export function durationText(run: RunEntry, sla?: RunSla): string {
  if (run.durationSeconds === undefined) return 'not started';
  const took = formatDuration(run.durationSeconds * 1000);
  const running = run.ongoing ? ' so far' : '';
  if (!sla) return `${took}${running}`;
  const over = OVER_SLA[run.durationLevel] ?? '';
  return `${took}${running} of ${formatDuration(
    sla.seconds * 1000,
  )} SLA${over}`;
}

const count = (n: number) => n.toLocaleString('en-US');

/** "+5,000 / -0 records, +3 / -0 files", from what the commit's writer recorded. */
export function commitText(run: RunEntry): string {
  const part = (
    added: number | undefined,
    deleted: number | undefined,
    what: string,
  ) =>
    added === undefined && deleted === undefined
      ? undefined
      : `+${count(added ?? 0)} / -${count(deleted ?? 0)} ${what}`;
  const parts = [
    part(run.addedRecords, run.deletedRecords, 'records'),
    part(run.addedFiles, run.deletedFiles, 'files'),
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no figures recorded';
}

const when = (iso: string) => DateTime.fromISO(iso).toFormat('LLL dd HH:mm');

/**
 * One run: its state as colour and word, when it ran, its duration against the SLA, links out to the
 * scheduler and into the Logs tab, and for a failed run the task that failed.
 */
export function RunItem(props: {
  run: RunEntry;
  sla?: RunSla;
  /** The Logs tab filtered to this run, or undefined when that tab is not mounted. */
  logsHref?: string;
  /** The system the links out open, e.g. `Airflow`. */
  systemName?: string;
  /** An Iceberg commit: an instant with record and file counts instead of a duration. */
  isCommit?: boolean;
}) {
  const {
    run,
    sla,
    logsHref,
    systemName = 'Airflow',
    isCommit = false,
  } = props;
  const classes = useStyles();
  const text = useReadableTextStyles();
  return (
    <li
      className={classes.item}
      aria-label={`Run ${run.id}`}
      data-level={run.level}
      data-duration-level={run.durationLevel}
    >
      <div className={classes.line}>
        <StatusChip level={run.level} label={run.state} />
        <Typography variant="body2" component="span">
          {run.startedAt ? (
            <time dateTime={run.startedAt}>{when(run.startedAt)}</time>
          ) : (
            'not started'
          )}
          {run.runType ? ` · ${run.runType}` : ''}
          {run.attempts ? ` · ${run.attempts} attempts` : ''}
        </Typography>
      </div>
      <div className={classes.line}>
        {isCommit && (
          <Typography variant="body2" component="span">
            {commitText(run)}
          </Typography>
        )}
        {!isCommit && sla && run.durationLevel !== 'unknown' && (
          <StatusChip
            level={run.durationLevel}
            label={durationText(run, sla)}
          />
        )}
        {!isCommit && (!sla || run.durationLevel === 'unknown') && (
          <Typography variant="body2" component="span">
            {durationText(run, sla)}
          </Typography>
        )}
        {run.url && (
          <Link href={run.url} target="_blank" rel="noopener noreferrer">
            Open in {systemName}
          </Link>
        )}
        {logsHref && (
          <Link component={RouterLink} to={logsHref}>
            Logs of this run
          </Link>
        )}
      </div>
      <MutedText variant="caption" component="div">
        {run.id}
      </MutedText>
      {run.failedTasks?.map(task => (
        <div
          key={task.taskId}
          className={classes.task}
          aria-label={`Task ${task.taskId}`}
        >
          <div className={classes.line}>
            <StatusChip level={task.level} label={task.state} />
            <Typography variant="body2" component="span">
              <strong>{task.taskId}</strong>
              {task.operator ? ` (${task.operator})` : ''}
              {task.tryNumber ? ` · try ${task.tryNumber}` : ''}
              {task.durationSeconds !== undefined
                ? ` · ${formatDuration(task.durationSeconds * 1000)}`
                : ''}
              {task.name ? ` · ${task.name}` : ''}
              {task.failedTaskCount
                ? ` · ${task.failedTaskCount} failed tasks`
                : ''}
            </Typography>
            {task.url && (
              <Link href={task.url} target="_blank" rel="noopener noreferrer">
                Open {task.kind ?? 'task'}
              </Link>
            )}
            {task.logUrl && task.state !== 'upstream_failed' && (
              <Link
                href={task.logUrl}
                target="_blank"
                rel="noopener noreferrer"
              >
                Task log
              </Link>
            )}
          </div>
          {task.reason && (
            <Typography
              variant="caption"
              component="div"
              className={text.error}
            >
              {task.reason}
            </Typography>
          )}
        </div>
      ))}
      {run.tasksError && (
        <Typography variant="body2" className={text.error}>
          Tasks of this run could not be read: {run.tasksError.message}
        </Typography>
      )}
    </li>
  );
}
