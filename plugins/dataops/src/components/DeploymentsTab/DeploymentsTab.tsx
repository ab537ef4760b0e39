import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  DeploymentsData,
  EntityViewResponse,
} from '@internal/plugin-dataops-common';
import {
  ANNOTATION_ARGOCD_APP_NAME,
  ANNOTATION_ARGOCD_APP_SELECTOR,
  isDataOpsDeploymentsAvailable,
} from '../../annotations';
import {
  useDataOpsQueryState,
  useEntityView,
  useEnvironmentOptions,
} from '../../hooks';
import {
  DataOpsControls,
  EnvironmentColumns,
  EnvironmentStatusPanel,
  ViewFrame,
} from '../shared';
import { RequireDataOps } from '../MissingAnnotation';
import { ApplicationCard } from './ApplicationCard';

/** Every environment in its own column; inside, one card per application and instance. @public */
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

function Deployments() {
  const state = useDataOpsQueryState();
  const options = useEnvironmentOptions();
  const result = useEntityView('deployments', state);
  return (
    <>
      <DataOpsControls state={state} environments={options} hideTimeRange />
      <ViewFrame {...result}>
        {value => <DeploymentsView response={value} nowMs={Date.now()} />}
      </ViewFrame>
      <Typography variant="caption" color="textSecondary">
        Out of sync for more than 5 minutes is critical.
      </Typography>
    </>
  );
}

/** The Deployments tab. @public */
export function DeploymentsTab() {
  return (
    <RequireDataOps
      isAvailable={isDataOpsDeploymentsAvailable}
      annotation={[ANNOTATION_ARGOCD_APP_NAME, ANNOTATION_ARGOCD_APP_SELECTOR]}
    >
      <Deployments />
    </RequireDataOps>
  );
}
