import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Link from '@material-ui/core/Link';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import {
  EnvironmentResult,
  MetricPanel,
  MetricsData,
  safeLinkUrl,
} from '@dataops-observability/plugin-dataops-common';
import { formatValue } from '../../format';
import { EnvironmentStatusPanel, MutedText, StatusChip } from '../shared';
import { MetricChart } from './MetricChart';
import { PanelStateNotice } from './PanelStateNotice';
import { LogsAroundMoment } from './LogsAroundMoment';
import { toChartSeries } from './chartData';

const useStyles = makeStyles(theme => ({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1),
  },
  title: { marginRight: theme.spacing(1) },
  notices: {
    display: 'grid',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1),
  },
  query: {
    fontFamily: 'monospace',
    fontSize: '0.8rem',
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    background: theme.palette.background.default,
    padding: theme.spacing(1),
    margin: theme.spacing(0.5, 0, 1),
  },
}));

export type Layout = 'overlay' | 'side';

export interface MetricPanelCardProps {
  panelId: string;
  environments: EnvironmentResult<MetricsData>[];
  layout: Layout;
  fromMs: number;
  toMs: number;
  onPointClick?(momentMs: number, envs: string[]): void;
}

/**
 * One panel across environments: overlaid in one chart or side by side, with each environment's state, the
 * fallback badge and the PromQL it ran.
 */
export function MetricPanelCard(props: MetricPanelCardProps) {
  const { panelId, environments, layout, fromMs, toMs, onPointClick } = props;
  const classes = useStyles();
  const [showQuery, setShowQuery] = useState(false);
  const envOrder = environments.map(e => e.env);
  const panels = environments.flatMap(e =>
    e.status === 'ok'
      ? e.data.panels
          .filter(p => p.id === panelId)
          .map(panel => ({ env: e.env, panel }))
      : [],
  );
  const first: MetricPanel | undefined = panels[0]?.panel;
  if (!first) return null;
  const failedEnvs = environments.filter(e => e.status !== 'ok');
  const drawable = panels.filter(
    p => p.panel.state === 'ok' && p.panel.series.length,
  );
  const fallbackEnvs = panels.filter(p => p.panel.fallback).map(p => p.env);
  // Checked again here: only http(s) URLs become links, whatever the backend sent.
  const outLinks = panels.flatMap(({ env, panel }) => {
    const url = safeLinkUrl(panel.link?.url);
    return url ? [{ env, url, title: panel.link?.title || 'query UI' }] : [];
  });
  const chart = (items: typeof drawable, height?: number) => (
    <MetricChart
      title={first.title}
      unit={first.unit}
      envOrder={envOrder}
      series={items.flatMap(p => toChartSeries(p.env, p.panel))}
      thresholds={first.thresholds}
      fromMs={fromMs}
      toMs={toMs}
      height={height}
      onPointClick={onPointClick}
    />
  );

  return (
    <Card
      component="section"
      aria-label={first.title}
      data-testid={`panel-${panelId}`}
    >
      <CardContent>
        <div className={classes.header}>
          <Typography variant="h6" component="h3" className={classes.title}>
            {first.title}
          </Typography>
          {panels.map(({ env, panel }) => (
            <StatusChip
              key={env}
              level={panel.level}
              label={`${env}: ${
                panel.state === 'ok'
                  ? formatValue(panel.lastValue ?? null, panel.unit)
                  : panel.state
              }`}
            />
          ))}
          {fallbackEnvs.length > 0 && (
            <Tooltip title="The configured primary query is not usable here, so the panel runs its configured fallback query. Compare the PromQL.">
              {/* Outlined in text colour: the theme's secondary pink fails contrast behind white text. */}
              <Chip
                size="small"
                variant="outlined"
                label={`Fallback query (${fallbackEnvs.join(', ')})`}
              />
            </Tooltip>
          )}
          <span style={{ flex: 1 }} />
          {outLinks.map(l => (
            <Link
              key={l.env}
              variant="body2"
              href={l.url}
              target="_blank"
              rel="noopener noreferrer"
            >
              Open in {l.title} ({l.env})
            </Link>
          ))}
          <Button
            size="small"
            onClick={() => setShowQuery(s => !s)}
            aria-expanded={showQuery}
          >
            {showQuery ? 'Hide PromQL' : 'Show PromQL'}
          </Button>
        </div>
        {first.description && (
          <MutedText variant="body2" gutterBottom>
            {first.description}
          </MutedText>
        )}
        {showQuery &&
          panels.map(({ env, panel }) => (
            <div key={env}>
              <Typography variant="caption">
                {env}
                {panel.fallback ? ' (fallback query)' : ''}
              </Typography>
              <pre className={classes.query} aria-label={`PromQL ${env}`}>
                {panel.query}
              </pre>
            </div>
          ))}
        <div className={classes.notices}>
          {panels.map(({ env, panel }) => (
            <PanelStateNotice key={env} env={env} panel={panel} />
          ))}
          {failedEnvs.map(e => (
            <EnvironmentStatusPanel key={e.env} result={e} />
          ))}
        </div>
        {drawable.length > 0 && layout === 'overlay' && chart(drawable)}
        {drawable.length > 0 && layout === 'side' && (
          <Grid container spacing={1}>
            {drawable.map(p => (
              <Grid
                item
                xs={12}
                md={Math.max(4, Math.floor(12 / drawable.length)) as any}
                key={p.env}
              >
                <Typography variant="subtitle2">{p.env}</Typography>
                {chart([p], 180)}
              </Grid>
            ))}
          </Grid>
        )}
        {drawable.length > 0 && onPointClick && (
          <>
            <MutedText variant="caption">
              Click the chart to open the logs five minutes either side of that
              moment, or pick the moment here.
            </MutedText>
            <LogsAroundMoment
              panelTitle={first.title}
              fromMs={fromMs}
              toMs={toMs}
              envs={Array.from(new Set(drawable.map(p => p.env)))}
              onOpen={onPointClick}
            />
          </>
        )}
        {drawable.length === 0 && panels.every(p => p.panel.state === 'ok') && (
          <Alert severity="info">
            The query returned series without points.
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
