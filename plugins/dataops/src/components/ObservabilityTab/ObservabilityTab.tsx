import Grid from '@material-ui/core/Grid';
import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  ANNOTATIONS,
  Area,
} from '@dataops-observability/plugin-dataops-common';
import {
  useDataOpsQueryState,
  useEntityView,
  useEnvironmentOptions,
} from '../../hooks';
import { isDataOpsAvailable } from '../../annotations';
import { useTabLink } from '../../routes';
import { AREA_TABS, TABS } from '../../tabs';
import { DataOpsControls, MutedText, ViewFrame } from '../shared';
import { RequireDataOps } from '../MissingAnnotation';
import { AlertList } from '../AlertsCard';
import { OverviewMatrix } from './OverviewMatrix';
import { OverviewLegend } from './OverviewLegend';

function Overview() {
  const { entity } = useEntity();
  const state = useDataOpsQueryState();
  const options = useEnvironmentOptions();
  const summary = useEntityView('summary', state);
  const alerts = useEntityView('alerts', state);
  const tabLink = useTabLink();

  // A cell opens the tab that explains its area only where the entity page shows that tab: the tab must be
  // mounted (tabLink) and apply to this entity (the same predicate the entity page filters the tab with).
  const linkFor = (area: Area, env: string) => {
    const tab = AREA_TABS[area];
    if (tab === undefined || !TABS[tab].isAvailable(entity)) return undefined;
    const params = new URLSearchParams(state.searchParams);
    params.delete('env');
    params.append('env', env);
    const href = tabLink(tab, params);
    if (href === undefined) return undefined;
    return area === 'alerts' ? `${href}#dataops-alerts` : href;
  };

  return (
    <>
      <DataOpsControls state={state} environments={options} />
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <InfoCard title="Observability across environments">
            <OverviewLegend />
            <ViewFrame {...summary}>
              {value => <OverviewMatrix summary={value} linkFor={linkFor} />}
            </ViewFrame>
          </InfoCard>
        </Grid>
        <Grid item xs={12} id="dataops-alerts">
          <InfoCard title="Active alerts">
            <ViewFrame {...alerts}>
              {value => <AlertList environments={value.environments} />}
            </ViewFrame>
          </InfoCard>
        </Grid>
      </Grid>
      <MutedText variant="caption">
        Each cell opens the tab that explains it, for that environment and the
        same time range.
      </MutedText>
    </>
  );
}

/** The Observability tab: environments by areas, and the active alerts. */
export function ObservabilityTab() {
  return (
    <RequireDataOps
      isAvailable={isDataOpsAvailable}
      annotation={ANNOTATIONS.environments}
    >
      <Overview />
    </RequireDataOps>
  );
}
