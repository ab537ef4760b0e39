import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Link from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import { DateTime } from 'luxon';
import {
  ArgoApplicationStatus,
  HealthLevel,
  safeLinkUrl,
} from '@dataops-observability/plugin-dataops-common';
import { formatDuration } from '../../format';
import { MutedText, StatusChip } from '../shared';

/** OutOfSync for longer than this is critical, the same limit the backend rates deployments with. */
export const OUT_OF_SYNC_CRITICAL_MS = 5 * 60_000;

const useStyles = makeStyles(theme => ({
  card: { marginBottom: theme.spacing(2) },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    alignItems: 'center',
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: theme.spacing(0.5, 2),
    margin: theme.spacing(1, 0),
  },
  mono: { fontFamily: 'monospace' },
}));

function syncLevel(
  app: ArgoApplicationStatus,
  outOfSyncMs?: number,
): HealthLevel {
  if (app.syncStatus === 'Synced') return 'healthy';
  if (app.syncStatus === 'OutOfSync') {
    return outOfSyncMs !== undefined && outOfSyncMs > OUT_OF_SYNC_CRITICAL_MS
      ? 'critical'
      : 'warning';
  }
  return 'unknown';
}

function healthLevel(health: string): HealthLevel {
  switch (health) {
    case 'Healthy':
      return 'healthy';
    case 'Progressing':
    case 'Suspended':
      return 'warning';
    case 'Degraded':
    case 'Missing':
      return 'critical';
    default:
      return 'unknown';
  }
}

/** Text that links out in a new tab when the URL passes safeLinkUrl, plain text otherwise. */
function OutLink(props: { url?: string; label?: string; children: string }) {
  // Checked again here: only http(s) URLs become links, whatever the backend sent.
  const href = safeLinkUrl(props.url);
  if (!href) return <>{props.children}</>;
  return (
    <Link
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={props.label}
    >
      {props.children}
    </Link>
  );
}

function when(iso?: string): string {
  if (!iso) return 'never';
  const dt = DateTime.fromISO(iso);
  return dt.isValid
    ? `${dt.toFormat('yyyy-LL-dd HH:mm')} (${dt.toRelative()})`
    : iso;
}

export interface ApplicationCardProps {
  app: ArgoApplicationStatus;
  /** Current time, injectable so "out of sync for" is testable. */
  nowMs: number;
}

/** One Argo CD application of one instance: sync, health, revision, timing, operation and history. */
export function ApplicationCard(props: ApplicationCardProps) {
  const { app, nowMs } = props;
  const classes = useStyles();
  const outOfSyncMs = app.outOfSyncSince
    ? nowMs - Date.parse(app.outOfSyncSince)
    : undefined;
  const sync = syncLevel(app, outOfSyncMs);
  return (
    <Card
      className={classes.card}
      component="article"
      aria-label={`${app.name} on ${app.instance}`}
    >
      <CardContent>
        <div className={classes.header}>
          <Typography variant="subtitle1" component="h4">
            <OutLink url={app.appUrl} label={`${app.name} in Argo CD`}>
              {app.name}
            </OutLink>
          </Typography>
          <MutedText variant="caption">{app.instance}</MutedText>
          <StatusChip level={sync} label={app.syncStatus} />
          <StatusChip
            level={healthLevel(app.healthStatus)}
            label={app.healthStatus}
          />
        </div>
        {outOfSyncMs !== undefined && (
          <Alert
            severity={sync === 'critical' ? 'error' : 'warning'}
            data-testid="out-of-sync"
          >
            Out of sync for {formatDuration(outOfSyncMs)}
            {sync === 'critical' ? ': past the 5 minute limit' : ''}
          </Alert>
        )}
        <dl className={classes.facts}>
          <dt>Revision</dt>
          <dd className={classes.mono}>
            {app.revision ? (
              <OutLink
                url={app.commitUrl}
                label={`Commit ${app.revision.slice(0, 12)}`}
              >
                {app.revision.slice(0, 12)}
              </OutLink>
            ) : (
              'unknown'
            )}
          </dd>
          <dt>Last sync</dt>
          <dd>{when(app.lastSyncedAt)}</dd>
          {app.healthMessage && (
            <>
              <dt>Health</dt>
              <dd>{app.healthMessage}</dd>
            </>
          )}
          {app.operation && (
            <>
              <dt>Operation</dt>
              <dd>
                {app.operation.phase}
                {app.operation.message ? `: ${app.operation.message}` : ''}
              </dd>
            </>
          )}
        </dl>
        {app.history.length > 0 ? (
          <Table size="small" aria-label={`Deployment history of ${app.name}`}>
            <TableHead>
              <TableRow>
                <TableCell>Deployed</TableCell>
                <TableCell>Revision</TableCell>
                <TableCell>Took</TableCell>
                <TableCell>By</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {[...app.history]
                .sort((a, b) => b.deployedAt.localeCompare(a.deployedAt))
                .map(h => (
                  <TableRow key={String(h.id)}>
                    <TableCell>
                      {DateTime.fromISO(h.deployedAt).toFormat(
                        'yyyy-LL-dd HH:mm',
                      )}
                    </TableCell>
                    <TableCell className={classes.mono}>
                      <OutLink
                        url={h.commitUrl}
                        label={`Commit ${h.revision.slice(0, 12)}`}
                      >
                        {h.revision.slice(0, 12)}
                      </OutLink>
                    </TableCell>
                    <TableCell>
                      {h.deployStartedAt
                        ? formatDuration(
                            Date.parse(h.deployedAt) -
                              Date.parse(h.deployStartedAt),
                          )
                        : '–'}
                    </TableCell>
                    <TableCell>{h.initiatedBy ?? '–'}</TableCell>
                  </TableRow>
                ))}
            </TableBody>
          </Table>
        ) : (
          <MutedText variant="body2">No deployment history.</MutedText>
        )}
      </CardContent>
    </Card>
  );
}
