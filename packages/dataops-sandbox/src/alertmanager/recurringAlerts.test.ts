import { SpecValidator } from '@internal/api-spec-checks';
import { startSandbox } from '../server';
import { Faults, loadCatalog, Scenario } from '../scenario';
import { buildAlerts, RECURRING_ALERTS, recurringFiringMinutes } from './buildAlerts';

jest.setTimeout(60000);

const catalog = loadCatalog();
const MINUTE = 60000;
// A fixed hour-aligned instant, so the sweep below starts at the same place in every cycle on every run.
const t0 = Date.UTC(2026, 10, 23, 8, 0, 0);
const scenario = new Scenario(catalog, t0, new Faults('', ''));

const listed = (nowMs: number, name: string, entity: string) =>
  buildAlerts(scenario, 'prod', nowMs).alerts.find(
    a => a.labels.alertname === name && a.labels.backstage_entity?.endsWith(`/${entity}`),
  );

describe('recurring alerts', () => {
  it('gives every team one P3 firing 3 of every 15 minutes and one P2 firing 5 of every 30, in prod only', () => {
    const owners = new Set(catalog.map(e => e.owner));
    for (const owner of owners) {
      const mine = RECURRING_ALERTS.filter(r => catalog.find(e => e.name === r.entity)?.owner === owner);
      expect({ owner, priorities: mine.map(r => r.priority).sort() }).toEqual({ owner, priorities: ['P2', 'P3'] });
    }
    for (const r of RECURRING_ALERTS) {
      let firingMinutes = 0;
      const starts = new Set<string>();
      const seen: Array<Record<string, unknown>> = [];
      for (let t = t0; t < t0 + 60 * MINUTE; t += MINUTE) {
        const alert = listed(t, r.name, r.entity);
        expect({ name: r.name, at: t, firing: alert !== undefined }).toEqual({
          name: r.name,
          at: t,
          firing: recurringFiringMinutes(r, t) !== undefined,
        });
        if (alert) {
          firingMinutes++;
          // A firing already under way at the start of the sweep belongs to the cycle before.
          if (Date.parse(alert.startsAt) >= t0) starts.add(alert.startsAt);
          seen.push({
            started: Date.parse(alert.startsAt) <= t,
            lapsesLater: Date.parse(alert.endsAt) > t,
            priority: alert.labels.priority,
            env: alert.labels.env,
          });
        }
        expect(buildAlerts(scenario, 'stage', t).alerts.some(a => a.labels.alertname === r.name && a.labels.backstage_entity?.endsWith(`/${r.entity}`))).toBe(false);
      }
      expect(seen).toEqual(
        seen.map(() => ({ started: true, lapsesLater: true, priority: r.priority, env: 'prod' })),
      );
      const cycles = 60 / r.everyMinutes;
      expect({ name: r.name, firingMinutes, firings: starts.size }).toEqual({ name: r.name, firingMinutes: cycles * r.firingMinutes, firings: cycles });
    }
  });

  it('keeps one start time within a firing and the same fingerprint across firings, as Alertmanager does', () => {
    const r = RECURRING_ALERTS[0];
    const firing: Array<{ t: number; startsAt: string; fingerprint: string }> = [];
    for (let t = t0; t < t0 + 2 * r.everyMinutes * MINUTE; t += 30000) {
      const alert = listed(t, r.name, r.entity);
      if (alert) firing.push({ t, startsAt: alert.startsAt, fingerprint: alert.fingerprint });
    }
    expect(new Set(firing.map(f => f.fingerprint)).size).toBe(1);
    const starts = [...new Set(firing.map(f => f.startsAt))].map(Date.parse);
    expect(starts).toHaveLength(2);
    expect(starts[1] - starts[0]).toBe(r.everyMinutes * MINUTE);
  });

  it('comes and goes through the Alertmanager API as the clock moves', async () => {
    const r = RECURRING_ALERTS[1];
    let clock = t0;
    while (recurringFiringMinutes(r, clock) === undefined) clock += MINUTE;
    const sandbox = await startSandbox({ scenario, port: 0, now: () => clock });
    try {
      const names = async () => {
        const res = await fetch(`${sandbox.url}/prod/alertmanager/api/v2/alerts`);
        const body = (await res.json()) as any[];
        expect(SpecValidator.for('alertmanager').checkResponse('GET', '/alerts', 200, body)).toEqual({ valid: true, errors: [] });
        return body.filter(a => a.labels.backstage_entity?.endsWith(`/${r.entity}`)).map(a => a.labels.alertname);
      };
      expect(await names()).toContain(r.name);
      clock += r.firingMinutes * MINUTE;
      expect(await names()).not.toContain(r.name);
      clock += (r.everyMinutes - r.firingMinutes) * MINUTE;
      expect(await names()).toContain(r.name);
    } finally {
      await sandbox.close();
    }
  });
});
