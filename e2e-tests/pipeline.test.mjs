// Browser test of the pipeline card against the running app and the demo environment: the sandbox breaks the
// sales returns pipeline in prod (packages/dataops-sandbox/README.md, "Scripted trouble"), so the card on its
// Iceberg table names the DAG as the first broken step, outlined, with the sentence on top.
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

test('Iceberg table: the pipeline card names the failing DAG upstream as the first broken step in prod', async () => {
  await page.goto(`${FRONTEND}/catalog/default/resource/sales-returns`);
  const steps = page.getByRole('list', { name: 'pipeline steps' });
  await steps.waitFor({ timeout: 90_000 });
  const dag = steps.getByRole('region', { name: 'Sales returns pipeline' });
  await dag.waitFor();
  const sentence = page
    .getByRole('alert')
    .filter({
      hasText: /because Sales returns pipeline failed in prod at \d\d:\d\d UTC/,
    });
  await sentence.waitFor({ timeout: 150_000 });
  assert.match(
    await sentence.innerText(),
    /^prod Critical\s+sales\.returns (is|may be) stale because/m,
  );
  assert.equal(await dag.getAttribute('data-first-broken'), 'true');
  assert.match(await dag.innerText(), /First broken step in prod/);
  const job = steps.getByRole('region', { name: 'Sales returns ETL' });
  assert.equal(await job.getAttribute('data-first-broken'), 'false');
  const freshness = page.getByRole('list', {
    name: 'freshness of sales.returns',
  });
  assert.match(await freshness.innerText(), /prod Critical/);
  await screenshot(page, 'card-pipeline-sales-returns');
});
