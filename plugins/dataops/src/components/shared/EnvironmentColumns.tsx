import { ReactNode } from 'react';
import Grid, { GridSize } from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { EnvironmentResult } from '@dataops-observability/plugin-dataops-common';
import { EnvironmentStatusPanel } from './EnvironmentStatusPanel';

export interface EnvironmentColumnsProps<T> {
  environments: EnvironmentResult<T>[];
  /** Content of a column whose environment answered. */
  children(data: T, env: string): ReactNode;
  /** Heading of each column; the environment name by default. */
  renderTitle?(env: string): ReactNode;
}

/**
 * Environments side by side, one column each; a column whose environment failed or lacks the source shows
 * why, in that column only. Reusable by every per-environment tab (SLO and Storage included).
 */
export function EnvironmentColumns<T>(props: EnvironmentColumnsProps<T>) {
  const { environments, children, renderTitle } = props;
  if (environments.length === 0) {
    return (
      <Alert severity="info">
        No environment answered for this entity. Check its
        dataops.io/environments annotation.
      </Alert>
    );
  }
  const width = Math.max(3, Math.floor(12 / environments.length)) as GridSize;
  return (
    <Grid container spacing={2}>
      {environments.map(result => (
        <Grid
          item
          xs={12}
          md={width}
          key={result.env}
          component="section"
          aria-label={`Environment ${result.env}`}
        >
          <Typography variant="h6" component="h3" gutterBottom>
            {renderTitle ? renderTitle(result.env) : result.env}
          </Typography>
          {result.status === 'ok' ? (
            <>
              {result.warnings?.map(w => (
                <Alert severity="warning" key={w}>
                  {w}
                </Alert>
              ))}
              {children(result.data, result.env)}
            </>
          ) : (
            <EnvironmentStatusPanel result={result} />
          )}
        </Grid>
      ))}
    </Grid>
  );
}
