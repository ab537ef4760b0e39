// Browser test of the DataOps page against the running app and the demo environment: filtered to the sales
// team, its workloads come worst first, and the pipeline the sandbox breaks in prod (sales returns) is among
// the critical rows at the top, with the reason on its prod cell.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser,
  signIn,
  screenshot,
  openFleetPage,
  FRONTEND,
} from './browser.mjs';

const RANK = { Critical: 3, Warning: 2, Unknown: 1, Healthy: 0 };

let browser;
let page;

before(async () => {
  ({ browser, page } = await launchBrowser());
  await signIn(page);
});

after(async () => {
  await browser?.close();
});

/** Per row, top to bottom: the accessible names of its cells and the worst word among them. */
async function readRows(rows) {
  const read = [];
  for (const row of await rows.all()) {
    const labels = await row
      .getByRole('link')
      .evaluateAll(links => links.map(a => a.getAttribute('aria-label') ?? ''));
    const words = labels
      .map(l => /: (Critical|Warning|Unknown|Healthy),/.exec(l)?.[1])
      .filter(Boolean);
    read.push({ labels, level: Math.max(-1, ...words.map(w => RANK[w])) });
  }
  return read;
}

test('DataOps page filtered to a team: its broken workload comes first, with the reason', async () => {
  const table = await openFleetPage(page, 'group:default/sales-data');
  const body = table.locator('tbody');
  const rows = body.getByRole('row');
  assert.ok(
    (await rows.count()) >= 10,
    'the sales team owns at least 10 annotated workloads',
  );

  const read = await readRows(rows);
  const levels = read.map(r => r.level);
  assert.equal(levels[0], RANK.Critical, 'the first row is critical');
  for (let i = 1; i < levels.length; i++) {
    assert.ok(
      levels[i] <= levels[i - 1],
      `row ${i + 1} is not worse than the row above it`,
    );
  }

  // The pipeline the sandbox breaks in prod: critical there, and only critical rows above it.
  const index = read.findIndex(r =>
    r.labels.some(l => /^Sales returns pipeline prod: Critical, /.test(l)),
  );
  assert.ok(index >= 0, 'Sales returns pipeline is critical in prod');
  assert.ok(
    levels.slice(0, index).every(l => l === RANK.Critical),
    'only critical rows come before the broken pipeline',
  );
  await screenshot(page, 'page-dataops-fleet-sales-data');
});

/** Level word per environment from accessible names like "<what> <env>: <Level>, <reason>". */
function levelsByEnv(labels, pattern) {
  const worst = new Map();
  for (const label of labels) {
    const match = pattern.exec(label);
    if (!match) continue;
    const [, env, word] = match;
    const level = word[0].toUpperCase() + word.slice(1).toLowerCase();
    if (!worst.has(env) || RANK[level] > RANK[worst.get(env)])
      worst.set(env, level);
  }
  return Object.fromEntries([...worst].sort());
}

test("a workload's DataOps page cells say what its Overview says, environment by environment", async () => {
  // The Overview judges every area; the DataOps page shows the worst of them per environment.
  await page.goto(
    `${FRONTEND}/catalog/default/component/daily-sales-etl/dataops`,
  );
  await page.getByText('Observability across environments').first().waitFor();
  const overviewLinks = page.getByRole('link', {
    name: / in (dev|stage|prod): /,
  });
  await overviewLinks.first().waitFor({ timeout: 90_000 });
  const overview = levelsByEnv(
    await overviewLinks.evaluateAll(links =>
      links.map(a => a.getAttribute('aria-label') ?? ''),
    ),
    / in (dev|stage|prod): (healthy|warning|critical|unknown),/,
  );
  assert.deepEqual(Object.keys(overview), ['dev', 'prod', 'stage']);

  const table = await openFleetPage(page, 'group:default/sales-data');
  const row = table
    .getByRole('row')
    .filter({ hasText: 'Daily sales ETL' })
    .first();
  const fleetLabels = () =>
    row
      .getByRole('link')
      .evaluateAll(links => links.map(a => a.getAttribute('aria-label') ?? ''));
  // Wait until all three environments of the row are in.
  const t0 = Date.now();
  let fleet = {};
  while (Date.now() - t0 < 120_000) {
    fleet = levelsByEnv(
      await fleetLabels(),
      /^Daily sales ETL (dev|stage|prod): (Critical|Warning|Unknown|Healthy),/,
    );
    if (Object.keys(fleet).length === 3) break;
    await new Promise(r => setTimeout(r, 1000));
  }
  assert.deepEqual(fleet, overview);
});
