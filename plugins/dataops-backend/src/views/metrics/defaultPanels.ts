import {
  DEFAULT_PROFILE_SELECTION,
  ProfileLayer,
  ProfileSelection,
  Thresholds,
  selectedProfile,
} from '@dataops-observability/plugin-dataops-common';
import type { PanelDefinition } from '../shared';

/** A default panel before a profile gives it a query: what it shows, and which layer's exporter answers it. */
interface PanelTemplate {
  id: string;
  layer: ProfileLayer;
  title: string;
  unit: string;
  description?: string;
  thresholds?: Thresholds;
}

/**
 * Default panels per entity `spec.type` (docs/platform-rules.md, layers 2-5). The queries come from the
 * exporter profile the environment uses for the panel's layer (docs/metrics-catalogue.md); a panel the
 * profile cannot answer is left out, never filled with another signal. docs/panels.md lists the same.
 */
const PANEL_TEMPLATES: Record<string, PanelTemplate[]> = {
  'spark-job': [
    {
      id: 'active-jobs',
      layer: 'spark',
      title: 'Active jobs',
      unit: 'jobs',
      description: 'Jobs running in the Spark driver.',
    },
    {
      id: 'failed-job-rate',
      layer: 'spark',
      title: 'Failed jobs (24 h)',
      unit: '%',
      description:
        'Share of finished Spark application runs that failed over the last 24 hours.',
      thresholds: { direction: 'above', warning: 2, critical: 5 },
    },
    {
      id: 'failed-task-rate',
      layer: 'spark',
      title: 'Failed tasks (24 h)',
      unit: '%',
      description: 'Share of finished tasks of the application that failed.',
      thresholds: { direction: 'above', warning: 2, critical: 5 },
    },
    {
      // Thresholds come from the entity's dataops.io/run-sla (applyRunSla).
      id: 'run-duration',
      layer: 'spark',
      title: 'Run duration (24 h mean)',
      unit: 's',
      description:
        'Mean time from last submission to end of the Spark application runs that completed in the last 24 hours.',
    },
    {
      id: 'stage-duration-p95',
      layer: 'spark',
      title: 'Stage duration P95',
      unit: 's',
    },
    {
      id: 'gc-time-ratio',
      layer: 'spark',
      title: 'GC time ratio',
      unit: '%',
      description:
        'Share of time the busiest JVM spends in garbage collection.',
      thresholds: { direction: 'above', warning: 10, critical: 20 },
    },
    {
      id: 'alive-workers',
      layer: 'spark',
      title: 'Alive workers',
      unit: 'workers',
      description: 'Workers the standalone master sees alive.',
    },
    {
      id: 'executor-memory',
      layer: 'kubernetes',
      title: 'Executor memory',
      unit: '%',
      description:
        'Working set of the fullest pod as a share of its memory limit.',
      thresholds: { direction: 'above', warning: 85, critical: 90 },
    },
    {
      id: 'pod-restarts',
      layer: 'kubernetes',
      title: 'Pod restarts (1 h)',
      unit: 'restarts',
      thresholds: { direction: 'above', critical: 3 },
    },
    {
      id: 'running-pods',
      layer: 'kubernetes',
      title: 'Running pods',
      unit: 'pods',
    },
  ],
  'airflow-dag': [
    {
      id: 'run-success-rate',
      layer: 'airflow',
      title: 'DAG run success rate (24 h)',
      unit: '%',
      thresholds: { direction: 'below', warning: 98, critical: 95 },
    },
    {
      id: 'run-duration-p95',
      layer: 'airflow',
      title: 'DAG run duration P95',
      unit: 's',
    },
    {
      id: 'scheduler-lag',
      layer: 'airflow',
      title: 'Scheduler lag',
      unit: 's',
      thresholds: { direction: 'above', warning: 30 },
    },
    {
      id: 'task-failures',
      layer: 'airflow',
      title: 'Task failures (24 h)',
      unit: 'tasks',
    },
  ],
  'iceberg-table': [
    {
      id: 'snapshot-count',
      layer: 'iceberg',
      title: 'Snapshots',
      unit: 'snapshots',
      thresholds: { direction: 'above', warning: 100 },
    },
    {
      id: 'small-file-ratio',
      layer: 'iceberg',
      title: 'Small-file ratio',
      unit: '%',
      thresholds: { direction: 'above', warning: 30 },
    },
    {
      id: 'metadata-size',
      layer: 'iceberg',
      title: 'Metadata size',
      unit: 'bytes',
    },
    {
      id: 'commits',
      layer: 'iceberg',
      title: 'Commits (1 h)',
      unit: 'commits',
    },
  ],
};

/** Layer whose exporter answers each default panel id, for the metric inventory. */
export function panelLayer(
  entityType: string,
  panelId: string,
): ProfileLayer | undefined {
  return PANEL_TEMPLATES[entityType]?.find(t => t.id === panelId)?.layer;
}

/**
 * Panels built per selection object: an environment's selections are built once at start-up, so every page
 * view of a type reuses the same list instead of rebuilding it.
 */
const built = new WeakMap<object, Map<string, PanelDefinition[]>>();

/** The default panels of an entity type written against the selected exporter profiles. */
export function defaultPanels(
  entityType: string,
  selection: Readonly<ProfileSelection> = DEFAULT_PROFILE_SELECTION,
): PanelDefinition[] {
  let byType = built.get(selection);
  if (!byType) {
    byType = new Map();
    built.set(selection, byType);
  }
  const known = byType.get(entityType);
  if (known) {
    return known;
  }
  const panels = buildPanels(entityType, selection);
  byType.set(entityType, panels);
  return panels;
}

function buildPanels(
  entityType: string,
  selection: Readonly<ProfileSelection>,
): PanelDefinition[] {
  return (PANEL_TEMPLATES[entityType] ?? []).flatMap(t => {
    const profile = selectedProfile(selection, t.layer);
    const query = profile.queries[t.id];
    if (!query) {
      return [];
    }
    const fallbackQuery = profile.fallbacks?.[t.id];
    return [
      {
        id: t.id,
        title: profile.titles?.[t.id] ?? t.title,
        unit: profile.units?.[t.id] ?? t.unit,
        ...(t.description ? { description: t.description } : {}),
        query,
        ...(fallbackQuery ? { fallbackQuery } : {}),
        ...(t.thresholds ? { thresholds: t.thresholds } : {}),
      },
    ];
  });
}

/** The default panels under the default stack, per entity type. */
export const DEFAULT_PANELS: Record<string, PanelDefinition[]> =
  Object.fromEntries(
    Object.keys(PANEL_TEMPLATES).map(type => [type, defaultPanels(type)]),
  );
