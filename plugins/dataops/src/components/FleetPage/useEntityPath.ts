import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';

type EntityRoute = (params: {
  kind: string;
  namespace: string;
  name: string;
}) => string;

/**
 * Path of an entity's observability tab: under the app's own entity route when one is mounted, under the
 * catalog's default path otherwise.
 */
export function useObservabilityPath(): (entityRef: string) => string {
  let route: EntityRoute | undefined;
  try {
    // Called on every render in the same place; the try only catches an app that mounts no entity page
    // (`useRouteRef` throws then), which is fixed for the app's lifetime.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    route = useRouteRef(entityRouteRef);
  } catch {
    route = undefined;
  }
  return (entityRef: string) => {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    const params = { kind: kind.toLocaleLowerCase('en-US'), namespace, name };
    const base = route
      ? route(params)
      : `/catalog/${encodeURIComponent(params.namespace)}/${encodeURIComponent(
          params.kind,
        )}/${encodeURIComponent(params.name)}`;
    return `${base}/observability`;
  };
}
