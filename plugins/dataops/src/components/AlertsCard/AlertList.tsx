import Alert from '@material-ui/lab/Alert';
import {
  ActiveAlert,
  AlertsData,
  EnvironmentResult,
} from '@dataops-observability/plugin-dataops-common';
import { FailedEnvironmentsAndAlerts, PriorityAlertList } from '../AlertParts';

export interface AlertListProps {
  environments: EnvironmentResult<AlertsData>[];
}

/**
 * Active alerts of every environment grouped by priority, P1 first; silenced and inhibited alerts stay listed
 * but dimmed and labelled, so a muted fire is not mistaken for no fire.
 */
export function AlertList(props: AlertListProps) {
  const { environments } = props;
  const alerts: ActiveAlert[] = environments.flatMap(e =>
    e.status === 'ok'
      ? e.data.alerts.map(a => ({ ...a, env: a.env ?? e.env }))
      : [],
  );
  const someFailed = environments.some(e => e.status !== 'ok');
  return (
    <>
      <FailedEnvironmentsAndAlerts
        environments={environments}
        alertCount={alerts.length}
      >
        <PriorityAlertList alerts={alerts} />
      </FailedEnvironmentsAndAlerts>
      {someFailed && alerts.length === 0 && (
        <Alert severity="info" style={{ marginTop: 8 }}>
          Alerts of the failing environments are unknown.
        </Alert>
      )}
    </>
  );
}
