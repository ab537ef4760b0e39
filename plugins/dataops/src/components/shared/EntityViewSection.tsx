import { ReactNode } from 'react';
import { EntityViewResponse } from '@dataops-observability/plugin-dataops-common';
import { EntityViewDataMap } from '../../api';
import {
  useDataOpsQueryState,
  useEntityView,
  useEnvironmentOptions,
} from '../../hooks';
import { DataOpsControls } from './DataOpsControls';
import { ViewFrame } from './ViewFrame';

/** Props of {@link EntityViewSection}. */
export interface EntityViewSectionProps<
  V extends Exclude<keyof EntityViewDataMap, 'logs'>,
> {
  view: V;
  /** For views whose period is not the picked time range. */
  hideTimeRange?: boolean;
  children: (value: EntityViewResponse<EntityViewDataMap[V]>) => ReactNode;
  /** Shown under the view whatever its loading state, e.g. the threshold it is judged by. */
  footer?: ReactNode;
}

/**
 * The body of a tab that shows one entity view: the shared controls above it, loading and errors handled by
 * the frame. Tabs with controls of their own compose the parts themselves.
 */
export function EntityViewSection<
  V extends Exclude<keyof EntityViewDataMap, 'logs'>,
>(props: EntityViewSectionProps<V>) {
  const { view, hideTimeRange, children, footer } = props;
  const state = useDataOpsQueryState();
  const options = useEnvironmentOptions();
  const result = useEntityView(view, state);
  return (
    <>
      <DataOpsControls
        state={state}
        environments={options}
        hideTimeRange={hideTimeRange}
      />
      <ViewFrame {...result}>{children}</ViewFrame>
      {footer}
    </>
  );
}
