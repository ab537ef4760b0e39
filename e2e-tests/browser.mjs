// Shared by the browser tests: launches Debian's Chromium through playwright-core (which never downloads a
// browser of its own), signs in as guest, and saves screenshots where a person can look at them.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FRONTEND = process.env.E2E_FRONTEND_URL ?? 'http://localhost:3000';
export const SCREENSHOT_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  'output',
  'screenshots',
);

export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({
    viewport: { width: 1440, height: 1000 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  return { browser, page };
}

/** Opens the app and passes the guest sign-in page when it is shown. */
export async function signIn(page) {
  await page.goto(FRONTEND);
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.waitFor({ timeout: 120_000 });
  await enter.click();
  await enter.waitFor({ state: 'detached' });
}

export async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Opens the DataOps page filtered to `owner` and waits until every cell of its workload table is in: cold
 * summaries take longer than one answer, so the page asks again until no cell says "loading".
 */
export async function openFleetPage(page, owner) {
  await page.goto(`${FRONTEND}/dataops?owner=${owner}`);
  await page.waitForFunction(
    () => {
      const tbody = document.querySelector(
        'table[aria-label="Workloads by environment"] tbody',
      );
      return (
        tbody &&
        tbody.rows.length > 0 &&
        !/loading/.test(tbody.textContent ?? '')
      );
    },
    undefined,
    { timeout: 240_000 },
  );
  // The team report above the list has a table of its own.
  return page.getByRole('table', { name: 'Workloads by environment' });
}
