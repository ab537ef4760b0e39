import {
  ANNOTATIONS,
  MetricPanel,
  MetricsData,
  readAnnotation,
  renderQuery,
  rollupStates,
} from '@dataops-observability/plugin-dataops-common';
import type { DataOpsView } from '@dataops-observability/plugin-dataops-node';
import { profileSelectionFor, staleAfterSecondsFor } from '../../profiles';
import { thanosSource } from '../../sources';
import {
  entityMatchers,
  isOutage,
  runPanel,
  ViewDependencies,
} from '../shared';
import { rememberPure } from '../shared/runPanel';
import { resolvePanels } from './resolvePanels';
import { applyRunSla } from './applyRunSla';
import { buildMetricsLink } from '../../links';

function panelDetail(p: MetricPanel): string | undefined {
  if (p.lastValue === undefined || p.lastValue === null) {
    return undefined;
  }
  return `${Math.round(p.lastValue * 100) / 100} ${p.unit}`;
}

/** Rendered panel queries by template, matchers and identity (see `rememberPure`). */
const rendered = new Map<string, { value?: string; error?: unknown }>();

/** `metrics`: the entity type's panels, run against the environment's Thanos. */
export function createMetricsView(
  deps: ViewDependencies,
): DataOpsView<MetricsData> {
  return {
    name: 'metrics',
    ttlSeconds: 30,
    area: 'metrics',
    async run(ctx) {
      const client = ctx.source(thanosSource);
      const matchers = [
        ...entityMatchers(ctx.entity, ctx.env.name),
        ...client.config.extraMatchers,
      ];
      const identity = {
        dag_id: readAnnotation(
          ctx.entity,
          ANNOTATIONS.airflowDagId,
          ctx.env.name,
        ),
        table: readAnnotation(
          ctx.entity,
          ANNOTATIONS.icebergTable,
          ctx.env.name,
        ),
        spark_app: readAnnotation(
          ctx.entity,
          ANNOTATIONS.sparkAppName,
          ctx.env.name,
        ),
      };
      const type = String(ctx.entity.spec?.type ?? '');
      const panels = applyRunSla(
        resolvePanels(
          type,
          deps.config.panels,
          profileSelectionFor(deps.config, ctx.env.name, type),
        ),
        ctx.entity,
        ctx.env.name,
        ctx.addWarning,
      );
      const settled = await Promise.allSettled(
        panels.map(panel =>
          runPanel(panel, {
            client,
            range: ctx.range,
            signal: ctx.signal,
            addWarning: ctx.addWarning,
            render: template =>
              rememberPure(
                rendered,
                JSON.stringify([template, matchers, identity]),
                () => renderQuery(template, { matchers, identity }),
              ),
            staleAfterSeconds: staleAfterSecondsFor(deps.config, ctx.env.name),
          }),
        ),
      );
      const failures = settled.filter(
        (s): s is PromiseRejectedResult => s.status === 'rejected',
      );
      // When nothing got through, the environment's Prometheus is down: say so once, not per panel.
      if (
        failures.length === settled.length &&
        failures.length > 0 &&
        isOutage(failures[0].reason)
      ) {
        throw failures[0].reason;
      }
      if (failures.length > 0) {
        ctx.markPartial(
          `${failures.length} of ${settled.length} panels failed`,
        );
      }
      const linkConfig = client.config.link;
      // The query the panel ran, over the same range; a query that could not be rendered links nowhere.
      const withLink = (p: MetricPanel): MetricPanel => {
        const link =
          linkConfig && !p.query.includes('${')
            ? buildMetricsLink(linkConfig, p.query, ctx.range, ctx.env.name)
            : undefined;
        return link ? { ...p, link } : p;
      };
      return {
        panels: settled.map((s, i): MetricPanel => {
          if (s.status === 'fulfilled') {
            return withLink(s.value);
          }
          const panel = panels[i];
          return {
            id: panel.id,
            title: panel.title,
            unit: panel.unit,
            query: panel.query,
            state: 'error',
            stateReason: (s.reason as Error).message,
            series: [],
            level: 'unknown',
            ...(panel.thresholds ? { thresholds: panel.thresholds } : {}),
          };
        }),
      };
    },
    summarize(data) {
      return rollupStates(
        data.panels.map(p => ({
          label: p.title,
          state: p.state,
          level: p.level,
          detail: panelDetail(p),
        })),
        'panels',
        'no panels for this entity type',
      );
    },
  };
}
