import { ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import {
  EnvironmentResult,
  TeamAlertsEnvironment,
} from '@dataops-observability/plugin-dataops-common';
import { EnvironmentStatusPanel } from '../shared';

/**
 * A panel for each environment that did not answer, then the alerts, or a status line when there are
 * none; that line says so when some environments failed, so silence there is not read as no fire.
 */
export function FailedEnvironmentsAndAlerts(props: {
  environments: Array<EnvironmentResult<unknown> | TeamAlertsEnvironment>;
  alertCount: number;
  children: ReactNode;
}) {
  const { environments, alertCount, children } = props;
  const failed = environments.filter(e => e.status !== 'ok');
  return (
    <>
      {failed.map(e => (
        <EnvironmentStatusPanel key={e.env} result={e} />
      ))}
      {alertCount === 0 ? (
        <Typography variant="body2" role="status">
          No active alerts
          {failed.length ? ' in the environments that answered' : ''}.
        </Typography>
      ) : (
        children
      )}
    </>
  );
}
