// Browser test of how the DataOps views look and read in every Backstage: each DataOps tab of a Spark job
// (daily-sales-etl), an Airflow DAG (sales-daily-pipeline) and an Iceberg table (marketing-web-sessions), and the
// DataOps page, once its data has rendered:
//   - axe-core (e2e-tests/axe.mjs) finds no serious or critical violation, in the light and in the dark theme;
//   - the theme really applies (the body background is light, then dark);
//   - at 1024 px wide the page does not scroll sideways;
//   - full-page screenshots in both themes at 1024 and 1920 px, named theme-<light|dark>-<width>-<tab>-<entity>
//     (the DataOps page is tab "page", entity "dataops"), land in e2e-tests/output/screenshots for a person to
//     look at.
// The theme is switched as Backstage's theme selector does it: the theme id ("light" or "dark") under the key
// "theme" in localStorage; a storage event makes the running app pick it up without reloading.
// Each view's problems are gathered and reported together after its screenshots, so a failing check still leaves
// the pictures behind. Every view runs every axe rule. One browser and one sign-in serve every view; the file
// takes about 3.5 minutes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser,
  signIn,
  screenshot,
  openFleetPage,
  FRONTEND,
} from './browser.mjs';
import { blockingViolations, describeViolations } from './axe.mjs';

const NARROW = 1024;
const WIDE = 1920;
const HEIGHT = 900;

/** What each tab shows once it has data; the page must also have no loading indicator left. */
const TABS = {
  overview: {
    path: 'dataops',
    ready: page => page.getByText('Observability across environments'),
  },
  metrics: {
    path: 'dataops-metrics',
    ready: page => page.locator('.recharts-surface'),
  },
  logs: {
    path: 'dataops-logs',
    ready: page => page.getByText('Lines per level'),
  },
  deployments: {
    path: 'dataops-deployments',
    ready: page => page.getByText('Revision'),
  },
  slo: { path: 'dataops-slo', ready: page => page.getByText('Burn rate') },
  storage: {
    path: 'dataops-storage',
    // A check card per annotated store (Iceberg table, S3 bucket, metastore ...).
    ready: page => page.getByRole('article'),
  },
  runs: {
    path: 'dataops-runs',
    ready: page => page.getByRole('list', { name: /^Runs in / }),
  },
};

const ENTITIES = [
  {
    kind: 'component',
    name: 'daily-sales-etl',
    tabs: [
      'overview',
      'metrics',
      'logs',
      'deployments',
      'slo',
      'storage',
      'runs',
    ],
  },
  {
    kind: 'component',
    name: 'sales-daily-pipeline',
    tabs: ['overview', 'metrics', 'logs', 'deployments', 'slo', 'runs'],
  },
  // A table has no logs index or Argo CD application of its own in the demo.
  {
    kind: 'resource',
    name: 'marketing-web-sessions',
    tabs: ['overview', 'metrics', 'slo', 'storage', 'runs'],
  },
];

let browser;
let page;

before(async () => {
  ({ browser, page } = await launchBrowser());
  await page.setViewportSize({ width: NARROW, height: HEIGHT });
  await signIn(page);
});

after(async () => {
  await browser?.close();
});

/** Resolves once no Backstage progress indicator has been on the page for a short while. */
async function settled() {
  await page.waitForFunction(
    () => {
      const busy = document.querySelector(
        '[data-testid="progress"], [role="progressbar"]',
      );
      const w = window;
      if (busy) {
        w.__quietSince = undefined;
        return false;
      }
      w.__quietSince ??= Date.now();
      return Date.now() - w.__quietSince > 750;
    },
    undefined,
    { timeout: 120_000, polling: 100 },
  );
}

/** Picks a theme the way Backstage's theme selector stores it, and returns the body background it produced. */
async function applyTheme(theme) {
  await page.evaluate(id => {
    window.localStorage.setItem('theme', id);
    window.dispatchEvent(
      new StorageEvent('storage', { key: 'theme', newValue: id }),
    );
  }, theme);
  // The body background follows the theme's palette; wait until it matches the theme asked for.
  await page.waitForFunction(
    dark => {
      const rgb = getComputedStyle(document.body)
        .backgroundColor.match(/\d+(\.\d+)?/g)
        ?.map(Number);
      if (!rgb || rgb.length < 3) return false;
      const luminance =
        (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255;
      return dark ? luminance < 0.3 : luminance > 0.8;
    },
    theme === 'dark',
    { timeout: 10_000 },
  );
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

async function setWidth(width) {
  await page.setViewportSize({ width, height: HEIGHT });
  // Charts measure their container after a resize; give them a moment to redraw.
  await page.waitForTimeout(400);
}

async function horizontalOverflow() {
  return page.evaluate(() => {
    const el = document.scrollingElement;
    return el.scrollWidth > el.clientWidth + 1
      ? `${el.scrollWidth} px wide in ${el.clientWidth} px`
      : null;
  });
}

/**
 * Screenshots and checks of one rendered view in both themes. Returns the problems found, each in words;
 * `disableRules` are axe rules not run on this view (the caller says why).
 */
async function checkView(tab, entity, { disableRules = [] } = {}) {
  const problems = [];
  const counts = {};
  // Light at both widths, then dark at both: one theme switch and two resizes per view.
  for (const [theme, widths] of [
    ['light', [NARROW, WIDE]],
    ['dark', [WIDE, NARROW]],
  ]) {
    try {
      await applyTheme(theme);
    } catch {
      const bg = await page.evaluate(
        () => getComputedStyle(document.body).backgroundColor,
      );
      problems.push(`${theme} theme did not apply: body background is ${bg}`);
    }
    await page.waitForTimeout(300);
    for (const width of widths) {
      if (page.viewportSize().width !== width) await setWidth(width);
      if (width === NARROW) {
        const violations = await blockingViolations(page, { disableRules });
        counts[theme] = violations.reduce((n, v) => n + v.count, 0);
        if (violations.length > 0) {
          problems.push(
            `axe, ${theme} theme:\n${describeViolations(violations)}`,
          );
        }
        const overflow = await horizontalOverflow();
        if (overflow)
          problems.push(
            `${theme} theme at ${NARROW} px scrolls sideways: ${overflow}`,
          );
      }
      await screenshot(page, `theme-${theme}-${width}-${tab}-${entity}`);
    }
  }
  console.log(
    `${tab}/${entity}: serious+critical nodes light ${
      counts.light ?? '?'
    }, dark ${counts.dark ?? '?'}`,
  );
  return problems;
}

for (const entity of ENTITIES) {
  for (const tab of entity.tabs) {
    test(`${entity.name} ${tab} tab: accessible in both themes, no sideways scroll at ${NARROW} px`, async () => {
      await applyTheme('light').catch(() => undefined);
      if (page.viewportSize().width !== NARROW) await setWidth(NARROW);
      await page.goto(
        `${FRONTEND}/catalog/default/${entity.kind}/${entity.name}/${TABS[tab].path}`,
      );
      await TABS[tab].ready(page).first().waitFor({ timeout: 90_000 });
      await settled();
      const problems = await checkView(tab, entity.name);
      assert.equal(problems.length, 0, problems.join('\n'));
    });
  }
}

test(`DataOps page: accessible in both themes, no sideways scroll at ${NARROW} px`, async () => {
  await applyTheme('light').catch(() => undefined);
  if (page.viewportSize().width !== NARROW) await setWidth(NARROW);
  // Filtered to one team as in fleet.test.mjs: every workload of the demo takes minutes to compute cold.
  await openFleetPage(page, 'group:default/sales-data');
  await settled();
  const problems = await checkView('page', 'dataops');
  assert.equal(problems.length, 0, problems.join('\n'));
});
