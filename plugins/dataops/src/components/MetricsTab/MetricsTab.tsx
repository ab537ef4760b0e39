import { useMemo } from 'react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import Alert from '@material-ui/lab/Alert';
import { useNavigate } from 'react-router-dom';
import {
  ANNOTATIONS,
  EntityViewResponse,
  MetricsData,
} from '@dataops-observability/plugin-dataops-common';
import { isDataOpsMetricsAvailable } from '../../annotations';
import {
  resolveTimeRange,
  TimeRange,
  useDataOpsQueryState,
  useEntityView,
  useEnvironmentOptions,
} from '../../hooks';
import { DataOpsControls, EnvironmentStatusPanel, ViewFrame } from '../shared';
import { RequireDataOps } from '../MissingAnnotation';
import { Layout, MetricPanelCard } from './MetricPanelCard';
import { logsQueryForPoint } from './logsQueryForPoint';
import { useTabLink } from '../../routes';

/** Panel ids in the order the environments list them, each once. */
export function panelIds(response: EntityViewResponse<MetricsData>): string[] {
  const ids: string[] = [];
  for (const e of response.environments) {
    if (e.status !== 'ok') continue;
    for (const p of e.data.panels) if (!ids.includes(p.id)) ids.push(p.id);
  }
  return ids;
}

export interface MetricsViewProps {
  response: EntityViewResponse<MetricsData>;
  range: TimeRange;
  layout: Layout;
  onPointClick?(momentMs: number, envs: string[]): void;
}

/** All panels of the metrics view. */
export function MetricsView(props: MetricsViewProps) {
  const { response, range, layout, onPointClick } = props;
  const bounds = useMemo(() => {
    if (response.range) {
      return {
        fromMs: Date.parse(response.range.from),
        toMs: Date.parse(response.range.to),
      };
    }
    return resolveTimeRange(range, Date.now());
  }, [response, range]);
  const ids = panelIds(response);
  if (ids.length === 0) {
    return (
      <>
        {response.environments.map(e =>
          e.status !== 'ok' ? (
            <EnvironmentStatusPanel key={e.env} result={e} />
          ) : null,
        )}
        <Alert severity="info">
          No metric panels for this entity in the environments that answered.
        </Alert>
      </>
    );
  }
  return (
    <Grid container spacing={2}>
      {ids.map(id => (
        <Grid item xs={12} lg={layout === 'overlay' ? 6 : 12} key={id}>
          <MetricPanelCard
            panelId={id}
            environments={response.environments}
            layout={layout}
            fromMs={bounds.fromMs}
            toMs={bounds.toMs}
            onPointClick={onPointClick}
          />
        </Grid>
      ))}
    </Grid>
  );
}

function Metrics() {
  const state = useDataOpsQueryState();
  const options = useEnvironmentOptions();
  const result = useEntityView('metrics', state);
  const navigate = useNavigate();
  const tabLink = useTabLink();
  const openLogs = (momentMs: number, envs: string[]) => {
    const href = tabLink(
      'logs',
      logsQueryForPoint({ searchParams: state.searchParams, envs, momentMs }),
    );
    if (href) navigate(href);
  };
  const layout: Layout =
    state.searchParams.get('layout') === 'side' ? 'side' : 'overlay';
  return (
    <>
      <DataOpsControls state={state} environments={options}>
        <div>
          <Typography
            variant="caption"
            component="div"
            id="dataops-layout-label"
          >
            Environments
          </Typography>
          <ToggleButtonGroup
            size="small"
            exclusive
            value={layout}
            aria-labelledby="dataops-layout-label"
            onChange={(_e, next: Layout | null) =>
              next &&
              state.setParams({ layout: next === 'side' ? 'side' : undefined })
            }
          >
            <ToggleButton value="overlay">overlaid</ToggleButton>
            <ToggleButton value="side">side by side</ToggleButton>
          </ToggleButtonGroup>
        </div>
      </DataOpsControls>
      <ViewFrame {...result}>
        {value => (
          <MetricsView
            response={value}
            range={state.range}
            layout={layout}
            // Without a mounted Logs tab a click has nowhere to go, so the charts are not clickable.
            onPointClick={tabLink('logs') ? openLogs : undefined}
          />
        )}
      </ViewFrame>
    </>
  );
}

/** The Metrics tab. */
export function MetricsTab() {
  return (
    <RequireDataOps
      isAvailable={isDataOpsMetricsAvailable}
      annotation={ANNOTATIONS.prometheusSelector}
    >
      <Metrics />
    </RequireDataOps>
  );
}
