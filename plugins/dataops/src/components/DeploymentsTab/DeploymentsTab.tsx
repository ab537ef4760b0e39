import Alert from '@material-ui/lab/Alert';
import {
  ANNOTATIONS,
  DeploymentsData,
  EntityViewResponse,
} from '@dataops-observability/plugin-dataops-common';
import { isDataOpsDeploymentsAvailable } from '../../annotations';
import {
  EntityViewSection,
  EnvironmentColumns,
  EnvironmentStatusPanel,
  MutedText,
} from '../shared';
import { RequireDataOps } from '../MissingAnnotation';
import { ApplicationCard } from './ApplicationCard';

/** Every environment in its own column; inside, one card per application and instance. */
export function DeploymentsView(props: {
  response: EntityViewResponse<DeploymentsData>;
  nowMs: number;
}) {
  const { response, nowMs } = props;
  return (
    <EnvironmentColumns environments={response.environments}>
      {data => (
        <>
          {data.instanceErrors?.map(ie => (
            <EnvironmentStatusPanel
              key={ie.instance}
              result={{ env: ie.instance, status: 'error', error: ie.error }}
            />
          ))}
          {data.applications.length === 0 ? (
            <Alert severity="info">
              No Argo CD application matched in this environment.
            </Alert>
          ) : (
            data.applications.map(app => (
              <ApplicationCard
                key={`${app.instance}/${app.name}`}
                app={app}
                nowMs={nowMs}
              />
            ))
          )}
        </>
      )}
    </EnvironmentColumns>
  );
}

/** The Deployments tab. */
export function DeploymentsTab() {
  return (
    <RequireDataOps
      isAvailable={isDataOpsDeploymentsAvailable}
      annotation={[ANNOTATIONS.argocdAppName, ANNOTATIONS.argocdAppSelector]}
    >
      <EntityViewSection
        view="deployments"
        hideTimeRange
        footer={
          <MutedText variant="caption">
            Out of sync for more than 5 minutes is critical.
          </MutedText>
        }
      >
        {value => <DeploymentsView response={value} nowMs={Date.now()} />}
      </EntityViewSection>
    </RequireDataOps>
  );
}
