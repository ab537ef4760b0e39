import { ReactNode } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';

/**
 * Loading and whole-request failure around a view. Errors of single environments are not handled here; they
 * arrive inside a successful response and are shown per column.
 */
export function ViewFrame<T>(props: {
  loading: boolean;
  error?: Error;
  value?: T;
  children(value: T): ReactNode;
}) {
  const { loading, error, value, children } = props;
  if (error) return <ResponseErrorPanel error={error} />;
  if (value === undefined) {
    return loading ? <Progress /> : null;
  }
  return (
    <div aria-busy={loading}>
      {loading && <Progress />}
      {children(value)}
    </div>
  );
}
