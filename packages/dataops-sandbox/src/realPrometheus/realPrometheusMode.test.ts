import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RunningSandbox, startSandbox } from '../server';
import { Faults, loadCatalog, Scenario, TROUBLE } from '../scenario';

jest.setTimeout(300000);

const scenario = () => new Scenario(loadCatalog(), Math.floor(Date.now() / 60000) * 60000, new Faults('', ''));

async function query(sandbox: RunningSandbox, env: string, promql: string, timeS?: number) {
  const at = timeS === undefined ? '' : `&time=${timeS}`;
  const res = await fetch(`${sandbox.url}/${env}/prometheus/api/v1/query?query=${encodeURIComponent(promql)}${at}`);
  return { status: res.status, body: (await res.json()) as any };
}

describe('real Prometheus mode', () => {
  let sandbox: RunningSandbox;
  let anchorMs: number;
  const lines: string[] = [];

  beforeAll(async () => {
    const s = scenario();
    anchorMs = s.anchorMs;
    sandbox = await startSandbox({ scenario: s, port: 0, realPrometheus: true, log: l => lines.push(l) });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('proxies every environment to its own backfilled Prometheus', async () => {
    // Fails with the fallback log line when prometheus/promtool are not installed.
    expect({ urls: Object.keys(sandbox.realPrometheusUrls).sort(), log: lines.filter(l => l.includes('unavailable')) }).toEqual({
      urls: ['dev', 'prod', 'stage'],
      log: [],
    });
    const ports = new Set(Object.values(sandbox.realPrometheusUrls));
    expect(ports.size).toBe(3);
    // Only a real Prometheus answers buildinfo.
    const info = await fetch(`${sandbox.url}/prod/prometheus/api/v1/status/buildinfo`);
    expect(info.status).toBe(200);
    expect(((await info.json()) as any).data.version).toMatch(/^\d+\.\d+/);
  });

  it('serves the generated history and scripted trouble at the current time', async () => {
    const snaps = await query(sandbox, 'prod', 'iceberg_table_snapshots{table="marketing.web_sessions"}');
    expect(snaps.body.data.result[0].value[1]).toBe('150');
    expect((await query(sandbox, 'dev', 'spark_driver_dagscheduler_job_activejobs')).body.data.result).toEqual([]);
    const p95 = await query(sandbox, 'stage', '1000 * histogram_quantile(0.95, sum by (le) (rate(minio_bucket_requests_ttfb_seconds_distribution{bucket="sales-lake",api="GetObject"}[5m])))');
    expect(Number(p95.body.data.result[0].value[1])).toBeCloseTo(52.7, 0);
    const end = Date.now() / 1000;
    const range = await fetch(`${sandbox.url}/prod/prometheus/api/v1/query_range`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query: 'sum(rate(spark_application_success_count[5m]))', start: String(end - 3600), end: String(end), step: '60' }),
    });
    const body = (await range.json()) as any;
    expect(body.data.result[0].values).toHaveLength(61);
    // The scripted dead exporter: its prod GC series end 30 minutes before start-up; dev's go on.
    const gc = `max(timestamp(jvm_gc_collection_seconds_sum{app="${TROUBLE.staleSeries.entity}"}))`;
    const endS = anchorMs / 1000 - TROUBLE.staleSeries.stoppedMinutes * 60;
    expect((await query(sandbox, 'prod', gc, endS + 120)).body.data.result[0].value[1]).toBe(String(endS));
    expect((await query(sandbox, 'prod', gc)).body.data.result).toEqual([]);
    expect((await query(sandbox, 'dev', gc)).body.data.result).toHaveLength(1);
    const bad = await query(sandbox, 'prod', 'sum(rate(x[5m])');
    expect(bad.status).toBe(400);
    expect(bad.body.errorType).toBe('bad_data');
  });
});

describe('real Prometheus mode without the binaries', () => {
  it('says so in one log line and serves the evaluator', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-no-bin-'));
    const savedPath = process.env.PATH;
    const lines: string[] = [];
    let sandbox: RunningSandbox | undefined;
    try {
      process.env.PATH = empty;
      sandbox = await startSandbox({ scenario: scenario(), port: 0, realPrometheus: true, log: l => lines.push(l) });
    } finally {
      process.env.PATH = savedPath;
      fs.rmSync(empty, { recursive: true, force: true });
    }
    try {
      expect(sandbox.realPrometheusUrls).toEqual({});
      expect(lines.filter(l => l.startsWith('real Prometheus mode unavailable'))).toEqual([
        "real Prometheus mode unavailable: the 'prometheus' binary is not on PATH (Debian package 'prometheus' installs it); serving /<env>/prometheus with the built-in PromQL evaluator instead",
      ]);
      const snaps = await query(sandbox, 'prod', 'iceberg_table_snapshots{table="marketing.web_sessions"}');
      expect(snaps.body.data.result[0].value[1]).toBe('150');
    } finally {
      await sandbox.close();
    }
  });
});
