import {
  ANNOTATIONS,
  buildErrorRatioQuery,
  buildGoodEventsQuery,
  buildSloData,
  buildTotalEventsQuery,
  DEFAULT_SLI_TEMPLATES,
  evaluateBurnRateAlerts,
  parseObjective,
  parseSelector,
  policyWindows,
  QueryIdentity,
  renderQuery,
  resolveSloPolicy,
  sliTemplateVariables,
  SloData,
} from '@dataops-observability/plugin-dataops-common';
import { Evaluator } from '../promql';
import {
  ENVIRONMENTS,
  Env,
  Faults,
  loadCatalog,
  Scenario,
  ScenarioEntity,
  TROUBLE,
} from '../scenario';
import { generateSeries } from './generateSeries';
import { MemorySource } from './MemorySource';

jest.setTimeout(180000);

const DAY_MS = 86400000;
const anchor = Math.floor(Date.now() / 60000) * 60000;
const scenario = new Scenario(loadCatalog(), anchor, new Faults('none', ''));
const evaluators = Object.fromEntries(
  ENVIRONMENTS.map(env => [
    env,
    new Evaluator(new MemorySource(generateSeries(scenario, env))),
  ]),
) as Record<Env, Evaluator>;

function scalarAt(env: Env, query: string, timeMs: number): number | null {
  const value = evaluators[env].instant(query, timeMs);
  if (value.type === 'scalar') return value.v;
  return value.type === 'vector' && value.series.length
    ? value.series[0].v
    : null;
}

/**
 * The backend's `slo` view for one entity and environment at `timeMs`, minus the HTTP: the same query
 * builders, the same `renderQuery` with the entity's selector and identity, and the same `buildSloData`.
 */
function sloAt(entity: ScenarioEntity, env: Env, timeMs: number): SloData {
  const objective = entity.annotation(ANNOTATIONS.sloObjective, env);
  const window = entity.annotation(ANNOTATIONS.sloWindow, env);
  const policy = resolveSloPolicy({
    ...(objective ? { objective: parseObjective(objective) } : {}),
    ...(window ? { period: window } : {}),
  });
  const template = DEFAULT_SLI_TEMPLATES[entity.type];
  const identity: QueryIdentity = {};
  for (const name of sliTemplateVariables(template)) {
    identity[name] = entity.annotation(
      (ANNOTATIONS as Record<string, string>)[name],
      env,
    );
  }
  const selector = entity.annotation(ANNOTATIONS.prometheusSelector, env);
  const matchers = selector ? parseSelector(selector) : [];
  const render = (q: string) => renderQuery(q, { matchers, identity });
  const good = scalarAt(
    env,
    render(buildGoodEventsQuery(template, policy.period)),
    timeMs,
  );
  const total = scalarAt(
    env,
    render(buildTotalEventsQuery(template, policy.period)),
    timeMs,
  );
  const errorRatios = Object.fromEntries(
    policyWindows(policy).map(w => {
      const r = scalarAt(
        env,
        render(buildErrorRatioQuery(template, w)),
        timeMs,
      );
      return [
        w,
        r === null || Number.isNaN(r) ? null : Math.min(1, Math.max(0, r)),
      ];
    }),
  );
  // The view's burndown: one-day increases, one point per day over the period.
  const from = timeMs - policy.periodSeconds * 1000 + DAY_MS;
  const daily = (q: string) =>
    evaluators[env].range(render(q), from, timeMs, DAY_MS)[0]?.samples ?? [];
  const goodDaily = new Map(
    daily(buildGoodEventsQuery(template, '1d')).map(s => [s.t, s.v]),
  );
  const burndownBuckets = daily(buildTotalEventsQuery(template, '1d')).map(
    s => ({
      time: s.t / 1000,
      total: s.v,
      good: Math.min(goodDaily.get(s.t) ?? 0, s.v),
    }),
  );
  return buildSloData({
    policy,
    sliName: template.name,
    periodCounts:
      total === null ? null : { good: Math.min(good ?? 0, total), total },
    errorRatios,
    burndownBuckets,
  }).data;
}

const scripted = (entity: ScenarioEntity, env: Env) =>
  scenario.is(TROUBLE.failingDag, env, entity) ||
  scenario.is(TROUBLE.fastBurn, env, entity) ||
  scenario.isBrokenPipeline('entity', env, entity);

const pairs = scenario.entities.flatMap(entity =>
  entity.environments.map(env => ({ entity, env })),
);
const healthy = pairs.filter(p => !scripted(p.entity, p.env));
const now = new Map<string, SloData>();
const sloNow = (entity: ScenarioEntity, env: Env) =>
  now.get(`${entity.name}/${env}`)!;

beforeAll(() => {
  // Each view reads 30 days of 15-30 s samples per counter: tens of seconds on a slow machine.
  for (const p of pairs)
    now.set(`${p.entity.name}/${p.env}`, sloAt(p.entity, p.env, anchor));
}, 300000);

/** Share of the budget each day of the burndown spent (the first day starts from a full budget). */
function dailySpend(burndown: SloData['burndown']): number[] {
  const left = burndown.map(([, v]) => v ?? NaN);
  return left.map((v, i) => (i === 0 ? 1 : left[i - 1]) - v);
}

describe('SLO error budgets of the generated counters', () => {
  it('keep 55-90% of the budget, varied, on every entity and environment without scripted trouble', () => {
    const left = healthy.map(({ entity, env }) => {
      const slo = sloNow(entity, env);
      const remaining = slo.errorBudget.remainingFraction;
      expect({
        entity: entity.name,
        env,
        inBand: remaining >= 0.55 && remaining <= 0.9,
        level: slo.level,
      }).toEqual({
        entity: entity.name,
        env,
        inBand: true,
        level: 'healthy',
      });
      return remaining.toFixed(3);
    });
    expect(new Set(left).size).toBeGreaterThanOrEqual(4);
  });

  it('burn down flat with a few bad days rather than in a straight line', () => {
    for (const { entity, env } of healthy) {
      const spend = dailySpend(sloNow(entity, env).burndown);
      const sorted = [...spend].sort((a, b) => a - b);
      const badDays = spend.filter(s => s >= 0.02).length;
      expect({
        entity: entity.name,
        env,
        days: spend.length,
        quietMedian: sorted[15] <= 0.01,
        fewBadDays: badDays >= 2 && badDays <= 10,
      }).toEqual({
        entity: entity.name,
        env,
        days: 30,
        quietMedian: true,
        fewBadDays: true,
      });
    }
  });

  it('never fires a burn-rate alert on a healthy entity, not even on its bad days', () => {
    const windows = ['5m', '30m', '1h', '6h'];
    const stepMs = 3600000;
    for (const { entity, env } of healthy) {
      const slo = sloNow(entity, env);
      expect(slo.alerts.filter(a => a.firing)).toEqual([]);
      const policy = resolveSloPolicy({
        objective: slo.objective,
        period: slo.window,
      });
      const template = DEFAULT_SLI_TEMPLATES[entity.type];
      const selector = entity.annotation(ANNOTATIONS.prometheusSelector, env);
      const identity: QueryIdentity = {};
      for (const name of sliTemplateVariables(template)) {
        identity[name] = entity.annotation(
          (ANNOTATIONS as Record<string, string>)[name],
          env,
        );
      }
      const render = (q: string) =>
        renderQuery(q, {
          matchers: selector ? parseSelector(selector) : [],
          identity,
        });
      const spend = dailySpend(slo.burndown);
      const badDayEnds = slo.burndown
        .filter((_, i) => spend[i] >= 0.02)
        .map(([t]) => t * 1000);
      expect(badDayEnds.length).toBeGreaterThan(0);
      for (const end of badDayEnds) {
        const ratios = windows.map(
          w =>
            evaluators[env].range(
              render(buildErrorRatioQuery(template, w)),
              end - DAY_MS,
              Math.min(end + 6 * 3600000, anchor),
              stepMs,
            )[0]?.samples ?? [],
        );
        ratios[0].forEach((sample, i) => {
          const burn = Object.fromEntries(
            windows.map((w, j) => [
              w,
              (ratios[j][i]?.v ?? 0) / policy.budgetRatio,
            ]),
          );
          const firing = evaluateBurnRateAlerts(policy, burn)
            .filter(a => a.firing)
            .map(a => a.name);
          expect({
            entity: entity.name,
            env,
            at: new Date(sample.t).toISOString(),
            firing,
          }).toEqual({
            entity: entity.name,
            env,
            at: new Date(sample.t).toISOString(),
            firing: [],
          });
        });
      }
    }
  });

  it('keeps the scripted trouble as documented', () => {
    const stage = scenario.entities.find(
      e => e.name === TROUBLE.failingDag.entity,
    )!;
    const failing = sloNow(stage, 'stage');
    expect(failing.level).toBe('critical');
    // 45% of three hours of runs is far more than a 99.9% budget allows: the burndown ends below zero.
    expect(failing.errorBudget.remainingFraction).toBeLessThan(-0.5);
    const spend = dailySpend(failing.burndown);
    expect(spend[spend.length - 1]).toBeGreaterThan(1.5);

    const burning = sloNow(
      scenario.entities.find(e => e.name === TROUBLE.fastBurn.entity)!,
      'prod',
    );
    const fast = burning.alerts.find(a => a.name === 'SloErrorBudgetFastBurn')!;
    expect(fast).toMatchObject({ firing: true, priority: 'P1' });
    // 20% failures against a 99.5% objective: a burn rate of 40.
    expect(fast.longRate).toBeGreaterThan(36);
    expect(fast.longRate).toBeLessThan(44);
    // Five minutes hold two or three runs, so the short window reads coarser, but above 36 all the same.
    expect(fast.shortRate).toBeGreaterThan(36);
    expect(
      burning.alerts.find(a => a.name === 'SloErrorBudgetSlowBurn')?.firing,
    ).toBe(false);
  });
});
