// Smoke test of the foundation: the example DataOps catalog is served, and one entity of each type renders
// with its name and owner.
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

const EXAMPLES = [
  { kind: 'component', name: 'daily-sales-etl', title: 'Daily sales ETL', type: 'spark-job', owner: 'sales-data' },
  { kind: 'component', name: 'marketing-attribution', title: 'Marketing attribution', type: 'airflow-dag', owner: 'marketing-analytics' },
  { kind: 'resource', name: 'marketing-web-sessions', title: 'marketing.web_sessions', type: 'iceberg-table', owner: 'marketing-analytics' },
];

test('the catalog lists the example Spark jobs, Airflow DAGs and Iceberg tables', async () => {
  await page.goto(`${FRONTEND}/catalog?filters%5Bkind%5D=component&filters%5Buser%5D=all`);
  // The catalog table shows entity titles.
  for (const title of ['Daily sales ETL', 'Sales daily pipeline', 'Clickstream sessionizer', 'Iceberg table maintenance']) {
    await page.getByRole('link', { name: title }).first().waitFor();
  }
  await screenshot(page, 'catalog-components');
  await page.goto(`${FRONTEND}/catalog?filters%5Bkind%5D=resource&filters%5Buser%5D=all`);
  await page.getByText('sales.daily_orders').first().waitFor();
  await page.getByText('marketing.web_sessions').first().waitFor();
  await screenshot(page, 'catalog-resources');
});

for (const example of EXAMPLES) {
  test(`the ${example.type} page of ${example.name} shows its name, type and owner`, async () => {
    await page.goto(`${FRONTEND}/catalog/default/${example.kind}/${example.name}`);
    await page.getByText(example.title, { exact: true }).first().waitFor();
    const body = page.locator('main');
    await body.getByText(example.type, { exact: true }).first().waitFor();
    const ownerLink = body.locator(`a[href*="/group/${example.owner}"]`).first();
    await ownerLink.waitFor();
    assert.ok(await ownerLink.isVisible(), `owner ${example.owner} is linked`);
    await screenshot(page, `entity-${example.name}`);
  });
}

// Every example entity is in the running catalog with the owner and dependsOn relations its YAML declares,
// and the catalog reports no processing errors for any of them.
test('the catalog holds every example entity with its owner and relations and no processing errors', async () => {
  const { default: YAML } = await import('yaml');
  const fs = await import('node:fs');
  const path = await import('node:path');
  const dir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'examples', 'catalog');
  const declared = fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.yaml'))
    .flatMap(f => YAML.parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8')).map(d => d.toJS()));
  assert.ok(declared.length >= 20, `examples hold ${declared.length} entities`);

  const backend = process.env.E2E_BACKEND_URL ?? 'http://localhost:7007';
  const auth = await fetch(`${backend}/api/auth/guest/refresh`, { method: 'POST' }).then(r => r.json());
  const headers = { Authorization: `Bearer ${auth.backstageIdentity.token}` };
  for (const entity of declared) {
    const kind = entity.kind.toLowerCase();
    const name = entity.metadata.name;
    const res = await fetch(`${backend}/api/catalog/entities/by-name/${kind}/default/${name}`, { headers });
    assert.equal(res.status, 200, `${kind}:${name} is in the catalog`);
    const stored = await res.json();
    const errors = (stored.status?.items ?? []).filter(i => i.level === 'error');
    assert.deepEqual(errors, [], `${kind}:${name} has no processing errors`);
    if (entity.spec?.owner) {
      const owners = stored.relations.filter(r => r.type === 'ownedBy').map(r => r.targetRef);
      assert.deepEqual(owners, [`group:default/${entity.spec.owner}`], `${kind}:${name} owner`);
    }
    for (const dependency of entity.spec?.dependsOn ?? []) {
      const [depKind, depName] = dependency.split(':');
      assert.ok(
        stored.relations.some(r => r.type === 'dependsOn' && r.targetRef === `${depKind}:default/${depName}`),
        `${kind}:${name} dependsOn ${dependency}`,
      );
    }
  }
});
