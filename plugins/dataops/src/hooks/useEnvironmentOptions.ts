import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { dataOpsApiRef } from '../api';
import { getEntityEnvironments } from '../annotations';

/**
 * Environments offered by the selector: the entity's own list when it has one, else every environment the
 * backend has configured. The list stays empty while loading or if the backend cannot say, and the selector
 * then hides itself rather than offering names that may not exist.
 */
export function useEnvironmentOptions(): string[] {
  const { entity } = useEntity();
  const api = useApi(dataOpsApiRef);
  const fromEntity = getEntityEnvironments(entity);
  const { value } = useAsync(async () => {
    if (fromEntity) return fromEntity;
    try {
      const res = await api.getEnvironments();
      return res.environments.map(e => e.name);
    } catch {
      return [];
    }
  }, [api, fromEntity?.join(',')]);
  return value ?? fromEntity ?? [];
}
