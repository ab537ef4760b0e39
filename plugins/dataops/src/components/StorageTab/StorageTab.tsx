import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import {
  ANNOTATIONS,
  EntityViewResponse,
  StorageData,
  worstLevel,
} from '@dataops-observability/plugin-dataops-common';
import { isDataOpsStorageAvailable } from '../../annotations';
import { EntityViewSection, EnvironmentColumns, StatusChip } from '../shared';
import { RequireDataOps } from '../MissingAnnotation';
import { StorageCheckCard } from './StorageCheckCard';

/** Checks of every environment side by side, one column per environment. */
export function StorageView(props: {
  response: EntityViewResponse<StorageData>;
}) {
  return (
    <EnvironmentColumns
      environments={props.response.environments}
      renderTitle={env => {
        const entry = props.response.environments.find(e => e.env === env);
        const checks = entry?.status === 'ok' ? entry.data.checks : [];
        return (
          <>
            {env}{' '}
            {checks.length > 0 && (
              <StatusChip
                level={worstLevel(
                  checks.map(c => (c.state === 'ok' ? c.level : 'unknown')),
                )}
              />
            )}
          </>
        );
      }}
    >
      {data =>
        data.checks.length === 0 ? (
          <Alert severity="info">
            No storage is annotated for this environment.
          </Alert>
        ) : (
          <Grid container spacing={1}>
            {data.checks.map(check => (
              <Grid item xs={12} key={check.id}>
                <StorageCheckCard check={check} />
              </Grid>
            ))}
          </Grid>
        )
      }
    </EnvironmentColumns>
  );
}

/** The Storage tab. */
export function StorageTab() {
  return (
    <RequireDataOps
      isAvailable={isDataOpsStorageAvailable}
      annotation={[ANNOTATIONS.storage, ANNOTATIONS.icebergTable]}
    >
      <EntityViewSection view="storage">
        {value => <StorageView response={value} />}
      </EntityViewSection>
    </RequireDataOps>
  );
}
