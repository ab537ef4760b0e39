import express, { Response } from 'express';
import { labelValue, matchesLabelRegex } from '@dataops-observability/plugin-dataops-common';
import { Env, Scenario } from '../scenario';
import { buildAlerts, SandboxAlert } from './buildAlerts';

function badRequest(res: Response, message: string) {
  res.status(400).type('application/json').send(JSON.stringify(message));
}

/** Parses one `filter` matcher as Alertmanager's API accepts it: `name="value"`, `name=~"re"`, ... */
function parseFilter(text: string): (a: SandboxAlert) => boolean {
  const m = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"?(.*?)"?\s*$/.exec(text.replace(/^\{|\}$/g, ''));
  if (!m) throw new Error(`bad matcher format: ${text}`);
  const [, name, op, value] = m;
  // As the real Alertmanager: the label is read as data (a name such as `constructor` finds nothing
  // inherited) and regexes are RE2, anchored, so a filter can not make the fake backtrack either.
  return a => {
    const v = labelValue(a.labels, name);
    if (op === '=') return v === value;
    if (op === '!=') return v !== value;
    const hit = matchesLabelRegex(value, v);
    return op === '=~' ? hit : !hit;
  };
}

/** The Alertmanager API v2 subset the alerts card reads; `now` decides which recurring alerts fire. */
export function createAlertmanagerRouter(
  scenario: Scenario,
  env: Env,
  startedAt: number = Date.now(),
  now: () => number = Date.now,
) {
  const router = express.Router();

  const filtered = (query: Record<string, unknown>): SandboxAlert[] => {
    let { alerts } = buildAlerts(scenario, env, now());
    const filters = query.filter === undefined ? [] : ([] as unknown[]).concat(query.filter).map(String);
    for (const f of filters) alerts = alerts.filter(parseFilter(f));
    const flag = (name: string) => query[name] !== 'false';
    return alerts.filter(a => (a.status.state === 'suppressed' ? flag('silenced') : flag('active')));
  };

  router.get('/api/v2/alerts', (req, res) => {
    try {
      res.json(filtered(req.query as Record<string, unknown>));
    } catch (e) {
      badRequest(res, (e as Error).message);
    }
  });

  router.get('/api/v2/alerts/groups', (req, res) => {
    try {
      const groups = new Map<string, SandboxAlert[]>();
      for (const a of filtered(req.query as Record<string, unknown>)) {
        const receiver = a.receivers[0].name;
        if (!groups.has(receiver)) groups.set(receiver, []);
        groups.get(receiver)!.push(a);
      }
      res.json([...groups.entries()].map(([receiver, alerts]) => ({
        labels: { env, receiver },
        routeLabels: { receiver },
        receiver: { name: receiver },
        alerts,
      })));
    } catch (e) {
      badRequest(res, (e as Error).message);
    }
  });

  router.get('/api/v2/silences', (_req, res) => {
    res.json(buildAlerts(scenario, env, now()).silences);
  });

  router.get('/api/v2/status', (_req, res) => {
    res.json({
      cluster: { status: 'ready', name: `sandbox-${env}`, peers: [{ name: `sandbox-${env}`, address: '127.0.0.1:9094' }] },
      versionInfo: { version: '0.27.0-sandbox', revision: 'sandbox', branch: 'sandbox', buildUser: 'sandbox', buildDate: '20260101-00:00:00', goVersion: 'go1.22' },
      config: { original: 'route:\n  receiver: platform\nreceivers:\n  - name: platform\n' },
      uptime: new Date(startedAt).toISOString(),
    });
  });

  router.get('/api/v2/receivers', (_req, res) => {
    const names = new Set(buildAlerts(scenario, env, now()).alerts.map(a => a.receivers[0].name));
    res.json([...names].map(name => ({ name })));
  });

  router.use((req, res) => res.status(404).type('text/plain').send(`unknown Alertmanager API path ${req.path}\n`));
  return router;
}
