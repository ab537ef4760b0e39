import { ReactNode } from 'react';
import { Entity } from '@backstage/catalog-model';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';

export interface RequireDataOpsProps {
  /** Whether the entity has what the tab needs. */
  isAvailable(entity: Entity): boolean;
  /** The annotation(s) to tell the user to add, exactly as keys. */
  annotation: string | string[];
  children: ReactNode;
}

/**
 * Shows the tab only when the entity has what it needs, otherwise names the exact annotation to add. Tabs can be
 * opened by URL even when the entity page hides them, so every tab checks for itself.
 */
export function RequireDataOps(props: RequireDataOpsProps) {
  const { entity } = useEntity();
  if (!props.isAvailable(entity)) {
    return <MissingAnnotationEmptyState annotation={props.annotation} />;
  }
  return <>{props.children}</>;
}
