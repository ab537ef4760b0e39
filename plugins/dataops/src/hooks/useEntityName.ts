import { useMemo } from 'react';
import { useEntity } from '@backstage/plugin-catalog-react';
import { DataOpsEntityName } from '../api';

/** The current entity's name parts, as the backend routes take them; stable while the entity is the same. */
export function useEntityName(): DataOpsEntityName {
  const { entity } = useEntity();
  const namespace = entity.metadata.namespace ?? 'default';
  const { kind } = entity;
  const { name } = entity.metadata;
  return useMemo(() => ({ namespace, kind, name }), [namespace, kind, name]);
}
