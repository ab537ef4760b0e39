import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { StorageCheck } from '@dataops-observability/plugin-dataops-common';
import { MutedText, STALE_STYLE, StatusChip, useLevelColours } from '../shared';
import { Sparkline } from './Sparkline';
import { formatCheckValue, formatThreshold } from './formatCheck';

const useStyles = makeStyles(theme => ({
  card: { height: '100%', borderLeft: '6px solid' },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    flexWrap: 'wrap',
  },
  title: { flex: 1 },
  value: { fontWeight: 600 },
  code: {
    fontFamily: 'monospace',
    fontSize: '0.78rem',
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    background: theme.palette.background.default,
    padding: theme.spacing(1),
    margin: theme.spacing(0.5, 0),
  },
}));

const STATE_NOTICE: Record<
  Exclude<StorageCheck['state'], 'ok'>,
  { severity: 'info' | 'warning' | 'error'; title: string }
> = {
  empty: { severity: 'info', title: 'No samples in range' },
  'not-collected': { severity: 'warning', title: 'Metric not collected' },
  stale: { severity: 'warning', title: `${STALE_STYLE.label} data` },
  error: { severity: 'error', title: 'Check failed' },
};

const SOURCE_LABEL: Record<string, string> = {
  prometheus: 'exporter metrics',
  'iceberg-rest': 'Iceberg catalog',
};

/** One check: level as colour and word, value against threshold, sparkline, and what to do when failing. */
export function StorageCheckCard(props: { check: StorageCheck }) {
  const { check } = props;
  const classes = useStyles();
  const colours = useLevelColours();
  const [showQuery, setShowQuery] = useState(false);
  const threshold = formatThreshold(check.threshold, check.unit);
  const notice = check.state === 'ok' ? undefined : STATE_NOTICE[check.state];
  const drawable = check.sparkline?.some(p => p[1] !== null);
  return (
    <Card
      className={classes.card}
      style={{ borderLeftColor: colours[check.level].line }}
      component="article"
      aria-label={`${check.title} ${check.target}`}
      data-state={check.state}
      data-level={check.level}
    >
      <CardContent>
        <div className={classes.header}>
          <Typography
            variant="subtitle1"
            component="h4"
            className={classes.title}
          >
            {check.title}
          </Typography>
          <StatusChip level={check.level} />
        </div>
        <MutedText variant="caption" component="div">
          {check.target}
          {check.source
            ? ` · from ${SOURCE_LABEL[check.source] ?? check.source}`
            : ''}
        </MutedText>
        {check.state === 'ok' && (
          <Typography variant="h6" component="p" className={classes.value}>
            {formatCheckValue(check)}
          </Typography>
        )}
        {threshold && (
          <MutedText variant="body2">Threshold: {threshold}</MutedText>
        )}
        {drawable && (
          <Sparkline
            points={check.sparkline!}
            threshold={check.threshold}
            label={`${check.title} over the selected range`}
          />
        )}
        {notice && (
          <Alert severity={notice.severity} data-testid="check-state">
            <AlertTitle>{notice.title}</AlertTitle>
            {check.stateReason}
            {check.state === 'not-collected' &&
              ' No other metric is shown in its place.'}
          </Alert>
        )}
        {check.advice && (
          <Alert
            severity={check.level === 'critical' ? 'error' : 'warning'}
            icon={false}
          >
            <AlertTitle>What to do next</AlertTitle>
            <pre className={classes.code}>{check.advice}</pre>
          </Alert>
        )}
        {check.query && (
          <>
            <Button
              size="small"
              onClick={() => setShowQuery(s => !s)}
              aria-expanded={showQuery}
            >
              {showQuery ? 'Hide query' : 'Show query'}
            </Button>
            {showQuery && (
              <pre
                className={classes.code}
                aria-label={`Query of ${check.title}`}
              >
                {check.query}
              </pre>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}
