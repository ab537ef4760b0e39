// Browser test of the Runs tab against the running app and the demo environment: the stage run of the sales
// pipeline that the sandbox fails (packages/dataops-sandbox/README.md, "Scripted trouble") shows as failed with
// its failing task, and its jump to the Logs tab lands on that run's time window in stage.
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

test('Airflow DAG: the Runs tab shows the failed stage run, its failing task, and jumps to its logs', async () => {
  await page.goto(
    `${FRONTEND}/catalog/default/component/sales-daily-pipeline/dataops-runs?range=6h`,
  );
  const stage = page.getByRole('region', { name: 'Environment stage' });
  const failed = stage
    .getByRole('listitem', { name: /^Run scheduled__/ })
    .filter({ has: page.locator('[data-level="critical"]') })
    .first();
  await failed.waitFor({ timeout: 90_000 });
  assert.equal(await failed.getAttribute('data-level'), 'critical');
  const task = failed.getByLabel('Task run_spark_job');
  await task.waitFor();
  assert.match(
    await task.innerText(),
    /run_spark_job \(SparkSubmitOperator\) · try 2/,
  );
  assert.match(
    await failed
      .getByRole('link', { name: 'Open in Airflow' })
      .getAttribute('href'),
    /\/dags\/sales_daily_pipeline\/grid\?dag_run_id=scheduled__/,
  );
  // prod has the run over its SLA + 50%, said in words as well as colour.
  await page
    .getByRole('region', { name: 'Environment prod' })
    .getByText(/over SLA \+ 50%/)
    .first()
    .waitFor();
  await page.getByRole('img', { name: /^Run durations in stage/ }).waitFor();
  await screenshot(page, 'tab-runs-sales-daily-pipeline');

  const startedAt = Date.parse(
    await failed.locator('time').getAttribute('datetime'),
  );
  await failed.getByRole('link', { name: 'Logs of this run' }).click();
  await page.waitForURL(/dataops-logs/, { timeout: 30_000 });
  const url = new URL(page.url());
  assert.deepEqual(url.searchParams.getAll('env'), ['stage']);
  const from = Date.parse(url.searchParams.get('from'));
  const to = Date.parse(url.searchParams.get('to'));
  assert.equal(
    from,
    startedAt - 60_000,
    'the window opens a minute before the run started',
  );
  assert.ok(
    to > startedAt && to - from < 3 * 3600_000,
    `the window closes a minute after the run ended: ${url.search}`,
  );
  await page
    .getByText('Lines per level', { exact: false })
    .first()
    .waitFor({ timeout: 60_000 });
  await screenshot(page, 'tab-logs-after-runs-jump');
});
