import {
  StorageCheck,
  StorageData,
  renderQuery,
  rollupStates,
} from '@dataops-observability/plugin-dataops-common';
import {
  DataOpsNotConfiguredError,
  DataOpsSourceError,
  DataOpsView,
  DataOpsViewContext,
} from '@dataops-observability/plugin-dataops-node';
import {
  IcebergRestClient,
  IcebergTableStats,
  PrometheusClient,
  icebergSource,
  thanosSource,
} from '../../sources';
import { profileSelectionFor, staleAfterSecondsFor } from '../../profiles';
import { isOutage, runPanel, ViewDependencies } from '../shared';
import { IDENTITY_OF, StorageCheckDefinition } from './defaultChecks';
import { StorageTarget, parseStorageTargets } from './parseStorageTargets';
import { resolveChecks } from './resolveChecks';
import { failedCheck, fromCatalog, fromPanel } from './toStorageCheck';

interface Outcome {
  check: StorageCheck;
  outage?: unknown;
}

function checkDetail(c: StorageCheck): string {
  const value =
    typeof c.value === 'number' ? Math.round(c.value * 100) / 100 : c.value;
  return `${value} ${c.unit}`;
}

/**
 * `storage`: health checks of the storage an entity uses (Iceberg table, S3 buckets, Hive metastore, Oracle
 * tablespaces, Ceph pools) in one environment. Exporter metrics run through the metrics view's panel runner,
 * so a check tells "no samples", "not collected" and "query failed" apart exactly as a panel does; an
 * Iceberg REST catalog, when configured, answers the table statistics it holds.
 */
export function createStorageView(
  deps: ViewDependencies,
): DataOpsView<StorageData> {
  // Overrides are checked at start-up; the checks themselves depend on the environment's exporters.
  resolveChecks(deps.config.storage);
  const definitionsByEnv = new Map<string, StorageCheckDefinition[]>();
  const definitionsFor = (env: string) => {
    if (!definitionsByEnv.has(env)) {
      definitionsByEnv.set(
        env,
        resolveChecks(
          deps.config.storage,
          profileSelectionFor(deps.config, env, ''),
        ),
      );
    }
    return definitionsByEnv.get(env)!;
  };
  const { sparkCatalog } = deps.config.storage;

  async function runOne(
    ctx: DataOpsViewContext,
    def: StorageCheckDefinition,
    target: StorageTarget,
    prometheus: PrometheusClient | undefined,
    stats: (table: string) => Promise<IcebergTableStats>,
    useCatalog: boolean,
    nowMs: number,
  ): Promise<Outcome> {
    let exporter: StorageCheck | undefined;
    let outage: unknown;
    if (prometheus) {
      try {
        const panel = await runPanel(
          {
            id: def.id,
            title: def.title,
            unit: def.unit,
            query: def.query,
            thresholds: def.thresholds,
          },
          {
            client: prometheus,
            range: ctx.range,
            signal: ctx.signal,
            addWarning: w => ctx.addWarning(w),
            render: template =>
              renderQuery(template, {
                // Storage series carry the storage's name, not the entity's labels; only the environment's
                // own matchers (central Thanos) apply.
                matchers: prometheus.config.extraMatchers,
                identity: { [IDENTITY_OF[def.kind]]: target.name },
              }),
            staleAfterSeconds: staleAfterSecondsFor(deps.config, ctx.env.name),
          },
        );
        exporter = fromPanel(panel, def, target);
      } catch (e) {
        if (isOutage(e)) {
          outage = e;
        }
        exporter = failedCheck(def, target, (e as Error).message);
      }
    }
    if (useCatalog && def.catalogStatistic && target.kind === 'iceberg') {
      try {
        const s = await stats(target.name);
        return { check: fromCatalog(def, target, s, nowMs, exporter) };
      } catch (e) {
        if (!(e instanceof DataOpsSourceError)) {
          throw e;
        }
        ctx.addWarning(
          `Iceberg catalog failed (${e.message}); table statistics come from exporter metrics`,
        );
        if (!exporter) {
          return {
            check: {
              ...failedCheck(def, target, e.message),
              source: 'iceberg-rest',
            },
          };
        }
      }
    }
    return { check: exporter!, outage };
  }

  return {
    name: 'storage',
    ttlSeconds: 60,
    area: 'storage',
    async run(ctx) {
      const targets = parseStorageTargets(ctx.entity, ctx.env.name);
      if (targets.length === 0) {
        return { checks: [] };
      }
      const prometheus = ctx.optionalSource(thanosSource);
      const iceberg: IcebergRestClient | undefined =
        ctx.optionalSource(icebergSource);
      if (!prometheus && !iceberg) {
        throw new DataOpsNotConfiguredError('thanos', ctx.env.name);
      }
      const nowMs = Date.now();
      // The catalog knows the present only; a range ending in the past is answered from the exporter's history.
      const useCatalog =
        Boolean(iceberg) &&
        nowMs / 1000 - ctx.range.to <= Math.max(600, 2 * ctx.range.step);
      const loaded = new Map<string, Promise<IcebergTableStats>>();
      const stats = (table: string) => {
        if (!loaded.has(table)) {
          loaded.set(table, iceberg!.tableStats(table, ctx.signal));
        }
        return loaded.get(table)!;
      };
      let work = targets.flatMap(target =>
        definitionsFor(ctx.env.name)
          .filter(d => d.kind === target.kind)
          .map(def => ({ def, target })),
      );
      if (!prometheus) {
        ctx.addWarning(
          `thanos is not configured for ${ctx.env.name}; only the Iceberg catalog's table statistics are shown`,
        );
        work = work.filter(w => w.def.catalogStatistic && useCatalog);
      }
      const outcomes = await Promise.all(
        work.map(({ def, target }) =>
          runOne(ctx, def, target, prometheus, stats, useCatalog, nowMs),
        ),
      );
      // Every exporter query failing the same way means Thanos is down: one environment error, not N checks.
      if (outcomes.length > 0 && outcomes.every(o => o.outage !== undefined)) {
        throw outcomes[0].outage;
      }
      const failed = outcomes.filter(o => o.check.state === 'error').length;
      if (failed > 0) {
        ctx.markPartial(
          `${failed} of ${outcomes.length} storage checks failed`,
        );
      }
      return {
        checks: outcomes.map(({ check }, i) => {
          const { def, target } = work[i];
          const failing =
            check.level === 'warning' || check.level === 'critical';
          return failing
            ? {
                ...check,
                advice: def.advice({ name: target.name, sparkCatalog }),
              }
            : check;
        }),
      };
    },
    summarize(data) {
      if (data.checks.length === 0) {
        // Nothing to judge is not unknown health: the entity simply has no storage (see rollUpSummary).
        return {
          level: 'unknown',
          reason: 'no storage annotated on this entity',
          cause: 'not-set-up',
        };
      }
      return rollupStates(
        data.checks.map(c => ({
          label: `${c.title} (${c.target})`,
          state: c.state,
          level: c.level,
          detail: checkDetail(c),
        })),
        'checks',
      );
    },
  };
}
