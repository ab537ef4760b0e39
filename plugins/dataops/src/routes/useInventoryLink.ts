import { useRouteRef } from '@backstage/core-plugin-api';
import { dataOpsInventoryRouteRef } from './inventoryRouteRef';

/**
 * Where the app mounts the inventory page, or undefined when it does not (`useRouteRef` throws then; the
 * app's route tree is fixed, so every render takes the same branch and the hook order stays stable).
 */
function useInventoryPath(): string | undefined {
  try {
    return useRouteRef(dataOpsInventoryRouteRef)();
  } catch {
    return undefined;
  }
}

/** A link to the metric inventory filtered to one environment, or undefined when the page is not mounted. */
export function useInventoryLink(): (env: string) => string | undefined {
  const path = useInventoryPath();
  return env =>
    path === undefined
      ? undefined
      : `${path}?${new URLSearchParams({ env }).toString()}`;
}
