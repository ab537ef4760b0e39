import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { dataOpsApiRef } from '../../api';
import { ViewFrame } from '../shared';
import { TeamAlertsList } from './TeamAlertsList';
import { IncidentsSummary } from './IncidentsSummary';
import { DownloadRoutesButton } from './DownloadRoutesButton';
import { AlertReceiversTable } from './AlertReceiversTable';

const DEFAULT_DAYS = 30;

function TeamAlertsContent(props: { ownerRef: string; days: number }) {
  const { ownerRef, days } = props;
  const api = useApi(dataOpsApiRef);
  // Two requests, two frames: the live alerts stay useful when the incident history fails, and vice versa.
  const alerts = useAsync(() => api.getTeamAlerts(ownerRef), [api, ownerRef]);
  const incidents = useAsync(
    () => api.getIncidents(ownerRef, { days }),
    [api, ownerRef, days],
  );
  const receivers = useAsync(
    async () =>
      api.getTeamAlertReceivers
        ? api.getTeamAlertReceivers(ownerRef)
        : undefined,
    [api, ownerRef],
  );
  return (
    <>
      <Typography variant="subtitle1" component="h3">
        Active alerts
      </Typography>
      <ViewFrame {...alerts}>
        {value => <TeamAlertsList response={value} />}
      </ViewFrame>
      <Typography variant="subtitle1" component="h3" style={{ marginTop: 16 }}>
        Incidents in the last {days} days
      </Typography>
      <ViewFrame {...incidents}>
        {value => <IncidentsSummary response={value} />}
      </ViewFrame>
      {api.getTeamAlertReceivers && (
        <>
          <Typography
            variant="subtitle1"
            component="h3"
            style={{ marginTop: 16 }}
          >
            Where alerts go
          </Typography>
          <ViewFrame {...receivers}>
            {value => value && <AlertReceiversTable response={value} />}
          </ViewFrame>
        </>
      )}
    </>
  );
}

/** Props of {@link EntityDataOpsTeamAlertsCard}. @public */
export interface EntityDataOpsTeamAlertsCardProps {
  /** Card title; `Team alerts & incidents` when absent. */
  title?: string;
  /** Days of incident history, 1 to 90. */
  days?: number;
}

/**
 * Group page card: the active alerts of everything the group and its sub-groups own, by priority and linked
 * to the entities, and the team's incidents and MTTR over the last 30 days.
 */
export function EntityDataOpsTeamAlertsCard(
  props: EntityDataOpsTeamAlertsCardProps,
) {
  const { entity } = useEntity();
  const isGroup = entity.kind.toLocaleLowerCase('en-US') === 'group';
  return (
    <InfoCard
      title={props.title ?? 'Team alerts & incidents'}
      actions={isGroup ? <DownloadRoutesButton /> : undefined}
    >
      {isGroup ? (
        <TeamAlertsContent
          ownerRef={stringifyEntityRef(entity)}
          days={props.days ?? DEFAULT_DAYS}
        />
      ) : (
        'Team alerts are shown on group pages.'
      )}
    </InfoCard>
  );
}
