import type { DataOpsView } from '@dataops-observability/plugin-dataops-node';
import { createAlertsView } from './alerts';
import { createDeploymentsView } from './deployments';
import { createLogsView } from './logs';
import { createMetricsView, resolvePanels } from './metrics';
import { createRunsView } from './runs';
import type { ViewDependencies } from './shared';
import { createSloView } from './slo';
import { createStorageView } from './storage';
import { createSummaryView, SummarySources } from './summary';

/**
 * The plugin's own views, in the order they are served. Creating them checks the configuration they own
 * (panel overrides, storage checks), so a bad override stops the backend instead of failing a page view.
 * `served` is every view the plugin serves, for the summary.
 */
export function createBuiltInViews(
  deps: ViewDependencies,
  served: SummarySources,
): DataOpsView<any>[] {
  // Panel overrides that name no default and have no query fail here, not on the first page view.
  Object.keys(deps.config.panels).forEach(type =>
    resolvePanels(type, deps.config.panels),
  );
  return [
    createSummaryView(served),
    createMetricsView(deps),
    createLogsView(deps),
    createDeploymentsView(deps),
    createAlertsView(deps),
    createStorageView(deps),
    createSloView(deps),
    createRunsView(deps),
  ];
}
