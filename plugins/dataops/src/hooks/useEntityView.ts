import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { EntityViewResponse } from '@dataops-observability/plugin-dataops-common';
import { dataOpsApiRef, EntityViewDataMap } from '../api';
import { DataOpsQueryState } from './useDataOpsQueryState';
import { toApiRange } from './timeRange';
import { useEntityName } from './useEntityName';

export interface EntityViewResult<T> {
  loading: boolean;
  error?: Error;
  value?: EntityViewResponse<T>;
  retry(): void;
}

/**
 * Loads one view of the current entity for the environments and range of the shared controls, again on every
 * refresh.
 */
export function useEntityView<
  V extends Exclude<keyof EntityViewDataMap, 'logs'>,
>(
  view: V,
  state: Pick<DataOpsQueryState, 'envs' | 'range' | 'refreshKey'>,
): EntityViewResult<EntityViewDataMap[V]> {
  const api = useApi(dataOpsApiRef);
  const name = useEntityName();
  const { envs, range, refreshKey } = state;
  const result = useAsyncRetry(
    () => api.getEntityView(name, view, { envs, ...toApiRange(range) }),
    [
      api,
      view,
      name.namespace,
      name.kind,
      name.name,
      envs.join(','),
      JSON.stringify(range),
      refreshKey,
    ],
  );
  return result;
}
