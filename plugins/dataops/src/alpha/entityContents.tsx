import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { isDataOpsAvailable } from '../annotations';
import { isDataOpsPipelineAvailable } from '../components/PipelineView/isDataOpsPipelineAvailable';
import { DataOpsTabName, TAB_DEFINITIONS, TabDefinitionOf } from '../tabs';
import { dataOpsRoutes } from './routes';

/** The entity content extension of a row of the tab table, named `entity-content:dataops/<name>`. */
function tabContent<TName extends DataOpsTabName>(name: TName) {
  const tab = TAB_DEFINITIONS.find(
    (t): t is TabDefinitionOf<TName> => t.name === name,
  )!;
  return EntityContentBlueprint.make({
    name,
    params: {
      path: tab.defaultPath,
      routeRef: dataOpsRoutes[name],
      title: tab.title,
      group: tab.group,
      filter: tab.isAvailable,
      loader: () => tab.loadComponent().then(Tab => <Tab />),
    },
  });
}

/** Every tab's extension, by name, in the table's order. */
export const dataOpsTabContents = Object.fromEntries(
  TAB_DEFINITIONS.map(t => [t.name, tabContent(t.name)]),
) as { [N in DataOpsTabName]: ReturnType<typeof tabContent<N>> };

/*
 * One export per tab, as they are the package's API: named exports cannot be generated.
 */

/**
 * Observability tab, at `/dataops` unless app-config sets the extension's `path`; like every tab here, the
 * other tabs' links follow the path it is given.
 * @alpha
 */
export const dataOpsObservabilityContent = dataOpsTabContents.observability;

/** Metrics tab (default path `/dataops-metrics`). @alpha */
export const dataOpsMetricsContent = dataOpsTabContents.metrics;

/** Logs tab (default path `/dataops-logs`). @alpha */
export const dataOpsLogsContent = dataOpsTabContents.logs;

/** Deployments tab (default path `/dataops-deployments`). @alpha */
export const dataOpsDeploymentsContent = dataOpsTabContents.deployments;

/** SLO tab (default path `/dataops-slo`). @alpha */
export const dataOpsSloContent = dataOpsTabContents.slo;

/** Storage tab (default path `/dataops-storage`). @alpha */
export const dataOpsStorageContent = dataOpsTabContents.storage;

/** Runs tab (default path `/dataops-runs`). @alpha */
export const dataOpsRunsContent = dataOpsTabContents.runs;

/** Active alerts card for the entity overview. @alpha */
export const dataOpsAlertsCard = EntityCardBlueprint.make({
  name: 'alerts',
  params: {
    filter: isDataOpsAvailable,
    loader: () =>
      import('../components/AlertsCard').then(m => (
        <m.EntityDataOpsAlertsCard />
      )),
  },
});

/** Pipeline card: the chain the entity (or the System's members) forms, first broken step on top. @alpha */
export const dataOpsPipelineCard = EntityCardBlueprint.make({
  name: 'pipeline',
  params: {
    filter: isDataOpsPipelineAvailable,
    loader: () =>
      import('../components/PipelineView').then(m => (
        <m.EntityDataOpsPipelineCard />
      )),
  },
});

/** The team report (budgets, incidents, MTTR, MTTD, noisiest alerts), on group pages only. @alpha */
export const dataOpsTeamReportCard = EntityCardBlueprint.make({
  name: 'team-report',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('../components/TeamReport').then(m => (
        <m.EntityDataOpsTeamReportCard />
      )),
  },
});

/** Team alerts & incidents, on group pages only. @alpha */
export const dataOpsTeamAlertsCard = EntityCardBlueprint.make({
  name: 'team-alerts',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('../components/TeamAlertsCard').then(m => (
        <m.EntityDataOpsTeamAlertsCard />
      )),
  },
});
