// Browser test of onboarding from the Create page: a data engineer picks an example Spark job, runs the
// "Onboard a workload to monitoring" template without a pull request, and reads the generated files.
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

async function pick(label, typed, option) {
  const input = page.getByLabel(label, { exact: false }).first();
  await input.click();
  await input.fill(typed);
  await page
    .getByRole('option', { name: new RegExp(option) })
    .first()
    .click();
}

test('onboarding a Spark job from the Create page shows every generated file', async () => {
  await page.goto(
    `${FRONTEND}/create/templates/default/dataops-onboard-monitoring`,
  );
  await page.getByText('Onboard a workload to monitoring').first().waitFor();
  await pick('Workload', 'daily', '^Daily sales ETL');
  await pick('Owning team', 'Sales', '^Sales Data');
  await page
    .getByLabel('Kubernetes namespace', { exact: false })
    .first()
    .fill('spark');
  await screenshot(page, 'create-onboarding-form');
  // Workload, SLO and thresholds, Logs, Pull request, then Review.
  for (let step = 0; step < 4; step++) {
    if (step === 3) {
      // The Pull request step: the repository Argo CD syncs the bundle from is required.
      await page
        .getByLabel('GitOps repository URL', { exact: false })
        .first()
        .fill('https://git.example.com/scm/platform/gitops.git');
    }
    await page.getByRole('button', { name: /^(Next|Review)$/ }).click();
  }
  await screenshot(page, 'create-onboarding-review');
  await page.getByRole('button', { name: /^Create$/ }).click();
  // The result panel lists each file with its content.
  await page
    .getByText('Generated files', { exact: false })
    .first()
    .waitFor({ timeout: 120_000 });
  // The file contents follow the list; they can render a moment after it.
  await page
    .getByText('SloErrorBudgetFastBurn', { exact: false })
    .first()
    .waitFor({ timeout: 60_000 });
  const text = await page.locator('body').innerText();
  for (const env of ['dev', 'stage', 'prod']) {
    assert.match(
      text,
      new RegExp(`overlays/${env}/prometheus-rule.yaml`),
      `rules for ${env}`,
    );
  }
  assert.match(text, /SloErrorBudgetFastBurn/);
  // One Argo CD Application per environment syncs the bundle.
  for (const env of ['dev', 'stage', 'prod']) {
    assert.match(
      text,
      new RegExp(`argocd/${env}/application.yaml`),
      `Argo CD Application for ${env}`,
    );
  }
  await screenshot(page, 'create-onboarding-result');
});
