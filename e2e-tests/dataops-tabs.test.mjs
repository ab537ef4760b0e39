// Browser tests of the DataOps tabs against the running app and the demo environment: every tab of a Spark job,
// an Airflow DAG and an Iceberg table shows data, the scripted trouble of the demo is visible where the sandbox
// README says it is, and clicking a metric chart opens the logs around that moment.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, signIn, screenshot, FRONTEND } from './browser.mjs';

let browser;
let page;

before(async () => {
  ({ browser, page } = await launchBrowser());
  await signIn(page);
});

after(async () => {
  await browser?.close();
});

const entityUrl = (kind, name, tab) => `${FRONTEND}/catalog/default/${kind}/${name}/${tab}`;

async function open(kind, name, tab) {
  await page.goto(entityUrl(kind, name, tab));
}

/** Waits for visible text; `exact: false` matches substrings. */
async function see(text, options = {}) {
  const locator = page.getByText(text, { exact: false }).first();
  await locator.waitFor({ timeout: options.timeout ?? 60_000 });
  return locator;
}

test('Spark job: the observability matrix shows every environment and prod critical on GC time', async () => {
  await open('component', 'daily-sales-etl', 'dataops');
  await see('Observability across environments');
  for (const env of ['dev', 'stage', 'prod']) {
    await page.getByRole('columnheader', { name: new RegExp(`^${env}`) }).first().waitFor();
  }
  await see('critical: GC time ratio');
  await screenshot(page, 'tab-observability-daily-sales-etl');
});

test('Spark job: metrics show each panel, the not-collected metric in dev and the fallback in stage', async () => {
  await open('component', 'daily-sales-etl', 'dataops-metrics');
  // Titles of the default exporter stack: the Spark operator counts application runs (docs/metrics-catalogue.md).
  for (const title of ['Active jobs', 'Failed runs (24 h)', 'Run duration (24 h mean)', 'GC time ratio', 'Executor memory', 'Pod restarts (1 h)']) {
    await see(title);
  }
  await see('dev: metric not collected');
  await see('Fallback query (stage)');
  // The demo's prod GC ratio has climbed past the 20% critical threshold.
  const gcPanel = page.locator('.MuiCard-root').filter({ hasText: 'GC time ratio' }).last();
  const gcText = await gcPanel.innerText();
  const prodGc = Number(/prod: (\d+(?:\.\d+)?) ?%/.exec(gcText)?.[1]);
  assert.ok(prodGc > 20, `prod GC ratio ${prodGc}% is past 20% in: ${gcText.slice(0, 200)}`);
  const charts = page.locator('.recharts-surface');
  assert.ok((await charts.count()) >= 6, 'one chart per panel');
  await screenshot(page, 'tab-metrics-daily-sales-etl');
});

test('clicking a metric chart opens the logs tab at that moment with the same environments', async () => {
  await open('component', 'daily-sales-etl', 'dataops-metrics?env=prod&range=6h');
  await see('GC time ratio');
  const chart = page.locator('.recharts-wrapper').first();
  await chart.waitFor();
  const box = await chart.boundingBox();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.4);
  await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.4);
  await page.waitForURL(/dataops-logs/, { timeout: 30_000 });
  const url = new URL(page.url());
  const from = Date.parse(url.searchParams.get('from'));
  const to = Date.parse(url.searchParams.get('to'));
  assert.ok(Number.isFinite(from) && Number.isFinite(to), `absolute from/to in ${url}`);
  assert.equal(to - from, 10 * 60 * 1000, 'a window of five minutes either side');
  assert.deepEqual(url.searchParams.getAll('env'), ['prod']);
  await see('Lines per level');
  await screenshot(page, 'tab-logs-after-metric-click');
});

test('Spark job: logs show lines with secrets masked, and stage reports its log backend down', async () => {
  await open('component', 'daily-sales-etl', 'dataops-logs?range=1h&q=metastore');
  await see('Lines per level');
  await see('503');
  // The demo's debug lines carry a generated password; the backend masks it before it leaves.
  await see('password=****');
  const text = await page.locator('main').innerText();
  assert.doesNotMatch(text, /password=[0-9a-f]{6,}/, 'no unmasked secret reaches the browser');
  await screenshot(page, 'tab-logs-daily-sales-etl');
});

test('Airflow DAG: stage is failing runs and burning its error budget', async () => {
  await open('component', 'sales-daily-pipeline', 'dataops-slo');
  await see('Burn rate');
  await see('P1');
  await screenshot(page, 'tab-slo-sales-daily-pipeline');
  await open('component', 'sales-daily-pipeline', 'dataops-metrics');
  await see('Run success rate');
  await screenshot(page, 'tab-metrics-sales-daily-pipeline');
});

test('Airflow DAG: deployments show each environment Argo CD application', async () => {
  await open('component', 'sales-daily-pipeline', 'dataops-deployments');
  await see('Revision');
  await see('Synced');
  await screenshot(page, 'tab-deployments-sales-daily-pipeline');
});

test('Spark job: the prod application out of sync for more than five minutes is flagged', async () => {
  await open('component', 'clickstream-sessionizer', 'dataops-deployments');
  await see('OutOfSync');
  await see('Out of sync for');
  await screenshot(page, 'tab-deployments-clickstream-sessionizer');
});

test('Iceberg table: prod has too many snapshots and small files, with what to do next', async () => {
  await open('resource', 'marketing-web-sessions', 'dataops-storage?env=prod');
  await see('Snapshots');
  await see('expire_snapshots');
  await see('rewrite_data_files');
  await see('Critical');
  await screenshot(page, 'tab-storage-marketing-web-sessions');
});

test('Iceberg table: a healthy table shows its snapshot and small-file checks healthy', async () => {
  await open('resource', 'sales-daily-orders', 'dataops-storage?env=prod');
  await see('Snapshots');
  await see('Healthy');
  await screenshot(page, 'tab-storage-sales-daily-orders');
});

test('Iceberg table: the observability matrix and SLO tab render for a table', async () => {
  await open('resource', 'marketing-web-sessions', 'dataops');
  await see('Observability across environments');
  await screenshot(page, 'tab-observability-marketing-web-sessions');
  await open('resource', 'marketing-web-sessions', 'dataops-slo');
  await see('Burn rate');
  await screenshot(page, 'tab-slo-marketing-web-sessions');
});

test('group page: the team card shows that team alerts and nothing of other teams', async () => {
  await page.goto(`${FRONTEND}/catalog/default/group/marketing-analytics`);
  const card = page.locator('.MuiCard-root').filter({ hasText: 'Team alerts & incidents' }).last();
  await see('Team alerts & incidents');
  // The demo's marketing entities fire (crash loop in stage, fast burn and out-of-sync in prod) ...
  await card.getByText('Clickstream sessionizer').first().waitFor();
  await card.getByText('Marketing attribution').first().waitFor();
  // ... while the sales team's GC alert on daily-sales-etl must not appear here.
  const text = await card.innerText();
  assert.doesNotMatch(text, /Daily sales ETL|SparkGcTimeHigh/);
  await screenshot(page, 'group-marketing-analytics');
});

test('Spark job: the GC series the prod exporter stopped publishing 30 minutes before start-up is stale, with its age', async () => {
  // The sandbox's scripted stale series (its README, "Scripted trouble"): prod sales-refunds-etl has no GC samples
  // after start-up minus 30 minutes, so its GC time ratio panel is older than the default 10-minute bound.
  await open('component', 'sales-refunds-etl', 'dataops-metrics?range=6h');
  await see('GC time ratio');
  const notice = page.locator('[data-state="stale"]').filter({ hasText: 'prod: stale data' }).first();
  await notice.waitFor({ timeout: 90_000 });
  const text = await notice.innerText();
  const age = /newest sample is (?:(\d+) h)? ?(?:(\d+) min)? old/.exec(text);
  assert.ok(age && (age[1] || age[2]), `the notice gives the age in minutes or hours: ${text}`);
  const minutes = Number(age[1] ?? 0) * 60 + Number(age[2] ?? 0);
  assert.ok(minutes >= 30, `the newest sample is at least 30 minutes old, not ${minutes}: ${text}`);
  const card = page.locator('.MuiCard-root').filter({ has: notice }).last();
  assert.match(await card.innerText(), /GC time ratio/, 'the stale notice is on the GC time ratio panel');
  // Every panel's answer came in the same response: no other panel or environment is stale.
  assert.equal(await page.locator('[data-state="stale"]').count(), 1, 'only prod GC time ratio is stale');
  await screenshot(page, 'tab-metrics-sales-refunds-etl-stale');

  await open('component', 'sales-refunds-etl', 'dataops');
  await see('Observability across environments');
  const cell = page.getByTestId('cell-metrics-prod');
  await cell.filter({ hasText: 'GC time ratio stale' }).waitFor({ timeout: 90_000 });
  assert.match(await cell.innerText(), /GC time ratio stale \(no recent samples\)/);
  await screenshot(page, 'tab-observability-sales-refunds-etl-stale');
});
