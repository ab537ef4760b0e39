import { execFileSync } from 'node:child_process';
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';

/** Launch flags that work with Debian's Chromium in containers, as the browser tests use. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Runs in the page before any of its scripts: records `performance.now()` (milliseconds since navigation
 * start) when a metrics panel first holds a recharts line with at least two points.
 */
function watchForFirstChart() {
  const w = window as unknown as { benchFirstChartMs?: number };
  const drawn = () =>
    Array.from(
      document.querySelectorAll(
        '[data-testid^="panel-"] path.recharts-line-curve',
      ),
    ).some(path => /[LC]/.test(path.getAttribute('d') ?? ''));
  const observer = new MutationObserver(() => {
    if (w.benchFirstChartMs === undefined && drawn()) {
      w.benchFirstChartMs = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['d'],
  });
}

export interface PageTiming {
  /** Navigation start to the first chart with a drawn line. */
  firstChartMs: number;
  /** Bytes the page fetched over the network (compressed), from the resource timing entries. */
  transferredKb: number;
  /** When the metrics view request left and its answer ended, since navigation start: app boot vs data. */
  dataRequestStartMs?: number;
  dataResponseEndMs?: number;
}

export function findChromium(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
}

/** A headless Chromium signed in as guest once; every cold context starts from that sign-in state only. */
export class ChartTimer {
  private constructor(
    private readonly browser: Browser,
    private readonly signedIn: Awaited<
      ReturnType<BrowserContext['storageState']>
    >,
  ) {}

  static async launch(appUrl: string): Promise<ChartTimer> {
    const browser = await chromium.launch({
      executablePath: findChromium(),
      args: CHROMIUM_ARGS,
    });
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(appUrl);
      const enter = page.getByRole('button', { name: 'Enter' });
      await enter.click({ timeout: 120_000 });
      await enter.waitFor({ state: 'detached' });
      const state = await context.storageState();
      await context.close();
      return new ChartTimer(browser, state);
    } catch (e) {
      await browser.close();
      throw e;
    }
  }

  /** A new context: empty HTTP cache and memory, only the guest sign-in remembered. */
  async newPage(): Promise<Page> {
    const context = await this.browser.newContext({
      storageState: this.signedIn,
      viewport: { width: 1440, height: 1000 },
    });
    await context.addInitScript(watchForFirstChart);
    return context.newPage();
  }

  /** Navigates `page` to `url` and waits for the first chart with data. */
  async time(
    page: Page,
    url: string,
    timeoutMs = 120_000,
  ): Promise<PageTiming> {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(
      () =>
        (window as unknown as { benchFirstChartMs?: number })
          .benchFirstChartMs !== undefined,
      undefined,
      { timeout: timeoutMs, polling: 50 },
    );
    return page.evaluate(() => {
      const entries = [
        ...performance.getEntriesByType('navigation'),
        ...performance.getEntriesByType('resource'),
      ] as PerformanceResourceTiming[];
      const data = entries.find(e =>
        /\/api\/dataops\/v1\/entity\/[^?]+\/metrics\?/.test(e.name),
      );
      return {
        firstChartMs: (window as unknown as { benchFirstChartMs: number })
          .benchFirstChartMs,
        transferredKb:
          entries.reduce((sum, e) => sum + (e.transferSize ?? 0), 0) / 1024,
        dataRequestStartMs: data?.startTime,
        dataResponseEndMs: data?.responseEnd,
      };
    });
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
