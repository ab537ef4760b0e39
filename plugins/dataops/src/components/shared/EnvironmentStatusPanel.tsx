import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { EnvironmentResult } from '@dataops-observability/plugin-dataops-common';

const ERROR_TITLES: Record<string, string> = {
  UPSTREAM_TIMEOUT: 'timed out',
  UPSTREAM_ERROR: 'answered with an error',
  BAD_RESPONSE: 'sent a response that could not be read',
  NOT_CONFIGURED: 'is not configured',
  BAD_ANNOTATION: 'rejected an annotation',
};

/**
 * What an environment that could not answer shows in its own column, while the others render normally
 * (one environment down must not take the others with it).
 */
export function EnvironmentStatusPanel(props: {
  result: Exclude<EnvironmentResult<unknown>, { status: 'ok' }>;
}) {
  const { result } = props;
  if (result.status === 'not-configured') {
    return (
      <Alert severity="info" role="status">
        <AlertTitle>Not configured</AlertTitle>
        {result.source} is not configured for {result.env}.
      </Alert>
    );
  }
  const { error } = result;
  if (error.type === 'BAD_ANNOTATION') {
    return (
      <Alert severity="warning" role="alert">
        <AlertTitle>Annotation rejected in {result.env}</AlertTitle>
        {error.message}
      </Alert>
    );
  }
  return (
    <Alert severity="error" role="alert">
      <AlertTitle>
        {error.source} in {result.env} {ERROR_TITLES[error.type] ?? 'failed'}
        {error.statusCode ? ` (HTTP ${error.statusCode})` : ''}
      </AlertTitle>
      {error.message}
    </Alert>
  );
}
