import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';

/**
 * True when the backend refused the logs for this user (403): a permission decision, which the user fixes
 * by asking for access, not a failure to retry.
 */
export function isNotPermitted(error: Error | undefined): boolean {
  if (!error) return false;
  if (error instanceof ResponseError) return error.response.status === 403;
  return (
    (error as { statusCode?: number }).statusCode === 403 ||
    error.name === 'NotAllowedError'
  );
}

/** The sentence shown instead of an error panel when reading logs is denied. */
export function notPermittedText(owner: string | undefined): string {
  const whom = owner ? `the owner, ${owner},` : "the entity's owner";
  return `You are not permitted to read logs of this entity; ask ${whom} or your Backstage administrator for the dataops.logs.read permission.`;
}

/** Plain-words notice for a user denied `dataops.logs.read`. */
export function LogsNotPermitted() {
  const { entity } = useEntity();
  const owner =
    typeof entity.spec?.owner === 'string' ? entity.spec.owner : undefined;
  return (
    <Alert severity="info" data-testid="logs-not-permitted">
      <AlertTitle>Logs not permitted</AlertTitle>
      {notPermittedText(owner)}
    </Alert>
  );
}
