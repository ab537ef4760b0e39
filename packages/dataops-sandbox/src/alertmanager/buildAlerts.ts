import { hashString } from '../random';
import { Env, Scenario, ScenarioEntity, TROUBLE } from '../scenario';

export interface SandboxAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  updatedAt: string;
  fingerprint: string;
  receivers: Array<{ name: string }>;
  status: {
    state: 'active' | 'suppressed' | 'unprocessed';
    silencedBy: string[];
    inhibitedBy: string[];
    mutedBy: string[];
  };
  generatorURL: string;
}

export interface SandboxSilence {
  id: string;
  annotations: Record<string, string>;
  status: { state: 'active' };
  updatedAt: string;
  comment: string;
  createdBy: string;
  startsAt: string;
  endsAt: string;
  matchers: Array<{
    name: string;
    value: string;
    isRegex: boolean;
    isEqual: boolean;
  }>;
}

interface AlertSpec {
  entity?: string;
  name: string;
  severity: string;
  priority: string;
  minutesAgo: number;
  summary: string;
  silenced?: boolean;
  /** Set on alerts that come and go: they are listed only while firing, and then renewed every few minutes. */
  recurring?: boolean;
}

/**
 * Alerts that fire for a few minutes on a fixed wall-clock cycle, one P3 and one P2 per team in prod, each
 * team at its own phase. An alert poller sees them open and resolve, so a demo left running builds up
 * incident history (and MTTR) instead of only ever showing alerts that never end.
 */
export const RECURRING_ALERTS = [
  {
    env: 'prod',
    entity: 'sales-daily-orders',
    name: 'IcebergCommitLagHigh',
    severity: 'warning',
    priority: 'P3',
    everyMinutes: 15,
    firingMinutes: 3,
    summary: 'sales.daily_orders: no commit within the freshness target',
  },
  {
    env: 'prod',
    entity: 'sales-daily-pipeline',
    name: 'AirflowTaskFailureSpike',
    severity: 'warning',
    priority: 'P2',
    everyMinutes: 30,
    firingMinutes: 5,
    summary: 'sales_daily_pipeline task failures spiking',
  },
  {
    env: 'prod',
    entity: 'customer-360-builder',
    name: 'SparkStageDurationHigh',
    severity: 'warning',
    priority: 'P3',
    everyMinutes: 15,
    firingMinutes: 3,
    summary: 'Stage duration P95 above SLA',
  },
  {
    env: 'prod',
    entity: 'marketing-customer-profiles',
    name: 'IcebergCommitLagHigh',
    severity: 'warning',
    priority: 'P2',
    everyMinutes: 30,
    firingMinutes: 5,
    summary:
      'marketing.customer_profiles: commits missing the freshness target',
  },
  {
    env: 'prod',
    entity: 'iceberg-table-maintenance',
    name: 'AirflowSchedulerLagHigh',
    severity: 'warning',
    priority: 'P3',
    everyMinutes: 15,
    firingMinutes: 3,
    summary: 'Scheduler lag above 30 s',
  },
  {
    env: 'prod',
    entity: 'inventory-snapshot-loader',
    name: 'SparkJobFailureSpike',
    severity: 'warning',
    priority: 'P2',
    everyMinutes: 30,
    firingMinutes: 5,
    summary: 'Spark job failure rate above 5%',
  },
] as const;

/**
 * Minutes since the current firing of a recurring alert began, or undefined while it is quiet. The phase is
 * seeded by the alert's identity, so teams fire at different times but every process agrees.
 */
export function recurringFiringMinutes(
  alert: {
    env: string;
    entity: string;
    name: string;
    everyMinutes: number;
    firingMinutes: number;
  },
  nowMs: number,
): number | undefined {
  const periodMs = alert.everyMinutes * 60000;
  const offsetMs =
    (hashString(`${alert.env}/${alert.entity}/${alert.name}`) %
      alert.everyMinutes) *
    60000;
  const intoCycleMs = (((nowMs + offsetMs) % periodMs) + periodMs) % periodMs;
  return intoCycleMs < alert.firingMinutes * 60000
    ? intoCycleMs / 60000
    : undefined;
}

/** Firing alerts per environment, tied to the scripted trouble (README lists them). */
function specs(env: Env, nowMs: number, anchorMs: number): AlertSpec[] {
  const watchdog: AlertSpec = {
    name: 'Watchdog',
    severity: 'none',
    priority: 'P4',
    minutesAgo: 600,
    summary: 'Alerting pipeline heartbeat; always firing',
  };
  const byEnv: Record<Env, AlertSpec[]> = {
    prod: [
      {
        entity: TROUBLE.gcClimb.entity,
        name: 'SparkGcTimeHigh',
        severity: 'warning',
        priority: 'P3',
        minutesAgo: 25,
        summary: 'GC time ratio above 20% on daily-sales-etl executors',
      },
      {
        entity: TROUBLE.outOfSync.entity,
        name: 'ArgoCdAppOutOfSync',
        severity: 'critical',
        priority: 'P1',
        minutesAgo: TROUBLE.outOfSync.sinceMinutes - 5,
        summary: 'Argo CD application OutOfSync for more than 5 minutes',
      },
      {
        entity: TROUBLE.fastBurn.entity,
        name: 'SloErrorBudgetFastBurn',
        severity: 'critical',
        priority: 'P1',
        minutesAgo: 50,
        summary: 'Error budget burning fast: 1h and 5m burn rates above 36',
      },
      {
        entity: TROUBLE.icebergBloat.entity,
        name: 'IcebergTooManySnapshots',
        severity: 'warning',
        priority: 'P3',
        minutesAgo: 300,
        summary: 'marketing.web_sessions has 150 snapshots (target < 100)',
      },
      {
        entity: TROUBLE.icebergBloat.entity,
        name: 'IcebergSmallFilesHigh',
        severity: 'warning',
        priority: 'P4',
        minutesAgo: 280,
        summary: '40% of data files are small (target < 30%)',
        silenced: true,
      },
      {
        entity: TROUBLE.brokenPipeline.entity,
        name: 'AirflowDagRunFailures',
        severity: 'critical',
        priority: 'P2',
        minutesAgo: TROUBLE.brokenPipeline.sinceMinutes - 5,
        summary:
          'sales_returns_pipeline DAG runs failing: wait_for_source fails every run',
      },
      {
        entity: TROUBLE.brokenPipeline.table,
        name: 'IcebergCommitLagHigh',
        severity: 'warning',
        priority: 'P3',
        minutesAgo: TROUBLE.brokenPipeline.sinceMinutes - 60,
        summary: 'sales.returns: no commit within the freshness target',
      },
      watchdog,
    ],
    stage: [
      {
        entity: TROUBLE.failingDag.entity,
        name: 'AirflowDagRunFailures',
        severity: 'critical',
        priority: 'P2',
        minutesAgo: 170,
        summary: 'sales_daily_pipeline DAG runs failing (success rate < 95%)',
      },
      {
        entity: TROUBLE.crashLoop.entity,
        name: 'KubePodCrashLooping',
        severity: 'critical',
        priority: 'P1',
        minutesAgo: 55,
        summary: 'Driver pod is in CrashLoopBackOff',
      },
      {
        name: 'OpenSearchClusterUnreachable',
        severity: 'critical',
        priority: 'P2',
        minutesAgo: 40,
        summary: 'Log backend of stage answers 503',
      },
      watchdog,
    ],
    dev: [
      {
        entity: 'customer-360-builder',
        name: 'SparkStageDurationHigh',
        severity: 'info',
        priority: 'P4',
        minutesAgo: 15,
        summary: 'Stage duration P95 above SLA',
      },
      watchdog,
    ],
  };
  const recurring: AlertSpec[] = [];
  for (const r of RECURRING_ALERTS) {
    const firingFor =
      r.env === env ? recurringFiringMinutes(r, nowMs) : undefined;
    if (firingFor !== undefined) {
      const { entity, name, severity, priority, summary } = r;
      // minutesAgo counts from the anchor, like the scripted alerts' start times.
      recurring.push({
        entity,
        name,
        severity,
        priority,
        summary,
        minutesAgo: (anchorMs - nowMs) / 60000 + firingFor,
        recurring: true,
      });
    }
  }
  return [...byEnv[env], ...recurring];
}

/**
 * Alerts and the one silence of an environment at `nowMs`; alerts whose entity is not deployed there are
 * left out.
 */
export function buildAlerts(
  scenario: Scenario,
  env: Env,
  nowMs: number = Date.now(),
): { alerts: SandboxAlert[]; silences: SandboxSilence[] } {
  const iso = (t: number) => new Date(t).toISOString();
  const entities = new Map<string, ScenarioEntity>(
    scenario.entitiesIn(env).map(e => [e.name, e]),
  );
  const alerts: SandboxAlert[] = [];
  const silences: SandboxSilence[] = [];
  for (const spec of specs(env, nowMs, scenario.anchorMs)) {
    const entity = spec.entity ? entities.get(spec.entity) : undefined;
    if (spec.entity && !entity) continue;
    const labels: Record<string, string> = {
      alertname: spec.name,
      severity: spec.severity,
      priority: spec.priority,
      env,
    };
    if (entity) {
      labels.backstage_entity = scenario.entityRef(entity);
      labels.owner = entity.owner;
      labels.namespace = scenario.labels(entity, env).namespace;
    }
    const fingerprint =
      hashString(JSON.stringify(labels)).toString(16).padStart(8, '0') +
      hashString(`${env}${spec.name}`).toString(16).padStart(8, '0');
    const startsAt = scenario.anchorMs - spec.minutesAgo * 60000;
    let silencedBy: string[] = [];
    if (spec.silenced) {
      const id = `${fingerprint.slice(0, 8)}-0000-4000-8000-${fingerprint
        .slice(0, 12)
        .padEnd(12, '0')}`;
      silencedBy = [id];
      silences.push({
        id,
        annotations: {},
        status: { state: 'active' },
        updatedAt: iso(startsAt + 600000),
        comment: 'Compaction job scheduled tonight; known issue',
        createdBy: entity?.owner ?? 'platform',
        startsAt: iso(startsAt + 600000),
        endsAt: iso(scenario.anchorMs + 12 * 3600000),
        matchers: [
          {
            name: 'alertname',
            value: spec.name,
            isRegex: false,
            isEqual: true,
          },
          { name: 'env', value: env, isRegex: false, isEqual: true },
        ],
      });
    }
    alerts.push({
      labels,
      annotations: {
        summary: spec.summary,
        description: `${spec.summary} (${env})`,
        runbook_url: `https://runbooks.example.com/dataops/${spec.name}`,
      },
      startsAt: iso(startsAt),
      // Prometheus renews a firing alert's endsAt a few minutes ahead; a recurring one lapses soon after it stops.
      endsAt: iso(
        spec.recurring ? nowMs + 4 * 60000 : scenario.anchorMs + 365 * 86400000,
      ),
      updatedAt: iso(spec.recurring ? nowMs : scenario.anchorMs),
      fingerprint,
      receivers: [
        { name: entity ? `${entity.owner}-${env}` : `platform-${env}` },
      ],
      status: {
        state: silencedBy.length ? 'suppressed' : 'active',
        silencedBy,
        inhibitedBy: [],
        mutedBy: [],
      },
      generatorURL: `http://prometheus.${env}.example.com/graph?g0.expr=ALERTS%7Balertname%3D%22${spec.name}%22%7D`,
    });
  }
  return { alerts, silences };
}
