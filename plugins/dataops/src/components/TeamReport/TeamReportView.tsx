import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type {
  HealthLevel,
  TargetVerdict,
  TeamReportBudgetCell,
  TeamReportMeanTime,
  TeamReportResponse,
} from '@dataops-observability/plugin-dataops-common';
import { formatDuration } from '../../format';
import { MutedText, StatusChip } from '../shared';

const useStyles = makeStyles(theme => ({
  figures: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(3) },
  table: {
    borderCollapse: 'collapse',
    '& th, & td': {
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.palette.divider}`,
      textAlign: 'left',
    },
  },
  muted: { color: theme.palette.text.secondary },
}));

const VERDICT: Record<TargetVerdict, { level: HealthLevel; word: string }> = {
  met: { level: 'healthy', word: 'Met' },
  missed: { level: 'critical', word: 'Missed' },
  unknown: { level: 'unknown', word: 'No data' },
};

/** `↑ 3`, `↓ 2`, `→ 0`: the change against the previous period; up is worse for every figure here. */
export function trendText(
  delta: number | null,
  format: (n: number) => string = String,
): string {
  if (delta === null) return '—';
  if (delta > 0) return `↑ ${format(delta)}`;
  if (delta < 0) return `↓ ${format(-delta)}`;
  return `→ ${format(0)}`;
}

const minutes = (seconds: number) => formatDuration(seconds * 1000);

function Figure(props: {
  label: string;
  value: string;
  children?: React.ReactNode;
}) {
  return (
    <Box role="group" aria-label={props.label}>
      <MutedText variant="caption">{props.label}</MutedText>
      <Typography variant="h6" component="p">
        {props.value}
      </Typography>
      {props.children}
    </Box>
  );
}

function MeanTimeFigure(props: {
  label: string;
  figure: TeamReportMeanTime;
  days: number;
  note?: string;
}) {
  const { figure } = props;
  const verdict = VERDICT[figure.verdict];
  return (
    <Figure
      label={props.label}
      value={figure.seconds === null ? '—' : minutes(figure.seconds)}
    >
      <Typography variant="body2">
        target &lt; {minutes(figure.targetSeconds)}{' '}
        <StatusChip level={verdict.level} label={verdict.word} />
      </Typography>
      <Typography
        variant="body2"
        aria-label={`${props.label} trend against the previous ${props.days} days`}
      >
        {trendText(figure.deltaSeconds, minutes)} vs previous {props.days} d
      </Typography>
      {props.note && (
        <MutedText variant="caption" component="p">
          {props.note}
        </MutedText>
      )}
    </Figure>
  );
}

function budgetLabel(cell: TeamReportBudgetCell): string {
  if (cell.remainingFraction === undefined) return cell.word;
  return `${Math.round(cell.remainingFraction * 100)}% ${cell.word}`;
}

function detectionNote(report: TeamReportResponse): string {
  const { mttd, incidents } = report;
  const parts = [`measured for ${mttd.count} of ${incidents.current}`];
  if (mttd.notMeasurable > 0) {
    parts.push(
      `${mttd.notMeasurable} not measurable (${mttd.notMeasurableReasons
        .map(r => `${r.count} ${r.reason}`)
        .join('; ')})`,
    );
  }
  if (mttd.notMeasured > 0) {
    parts.push(
      `${mttd.notMeasured} older not measured: at most the newest ${mttd.maxMeasured} are`,
    );
  }
  return parts.join(', ');
}

/** The team report (docs/team-report.md): headline figures, the budget grid and the noisiest alerts. */
export function TeamReportView(props: { report: TeamReportResponse }) {
  const { report } = props;
  const classes = useStyles();
  const days = report.window.days;
  return (
    <div>
      <Box className={classes.figures} mb={2}>
        <Figure
          label={`Incidents (${days} d)`}
          value={String(report.incidents.current)}
        >
          <Typography
            variant="body2"
            aria-label={`Incidents trend against the previous ${days} days`}
          >
            {trendText(report.incidents.delta)} vs previous {days} d (
            {report.incidents.previous})
          </Typography>
          {report.incidents.open > 0 && (
            <Typography variant="body2">
              {report.incidents.open} still firing
            </Typography>
          )}
        </Figure>
        <MeanTimeFigure
          label="Mean time to recover"
          figure={report.mttr}
          days={days}
        />
        <MeanTimeFigure
          label="Mean time to detect"
          figure={report.mttd}
          days={days}
          note={detectionNote(report)}
        />
      </Box>

      <Typography variant="subtitle1" component="h3">
        Error budget left
      </Typography>
      {report.budgets.length === 0 ? (
        <Typography variant="body2" role="status">
          The team owns no annotated entities you can see.
        </Typography>
      ) : (
        <table className={classes.table} aria-label="Error budget left">
          <thead>
            <tr>
              <th>Entity</th>
              {report.environments.map(env => (
                <th key={env}>{env}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.budgets.map(row => (
              <tr key={row.entityRef}>
                <td>
                  <EntityRefLink entityRef={row.entityRef} title={row.title} />
                </td>
                {report.environments.map(env => {
                  const cell = row.cells.find(c => c.env === env);
                  return (
                    <td key={env}>
                      {cell ? (
                        <Tooltip title={cell.reason}>
                          <span
                            aria-label={`${row.title} ${env}: ${budgetLabel(
                              cell,
                            )}, ${cell.reason}`}
                          >
                            <StatusChip
                              level={cell.level}
                              label={budgetLabel(cell)}
                            />
                          </span>
                        </Tooltip>
                      ) : (
                        '—'
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.budgetsTruncated && (
        <Typography variant="body2" className={classes.muted}>
          Only the first entities are shown.
        </Typography>
      )}

      <Typography variant="subtitle1" component="h3" style={{ marginTop: 16 }}>
        Noisiest alerts
      </Typography>
      {report.noisiestAlerts.length === 0 ? (
        <Typography variant="body2" role="status">
          No alerts fired in the last {days} days.
        </Typography>
      ) : (
        <ol aria-label="Noisiest alerts">
          {report.noisiestAlerts.map(a => (
            <li key={a.alertname}>
              <strong>{a.alertname}</strong>: {a.episodes}{' '}
              {a.episodes === 1 ? 'episode' : 'episodes'}, firing{' '}
              {minutes(a.firingSeconds)}
              {a.entities > 1 ? ` on ${a.entities} entities` : ''}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
