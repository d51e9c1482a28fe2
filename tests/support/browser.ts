import { resolve } from 'node:path';
import axe from 'axe-core';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { type Config, testConfig } from '../../src/server/config.js';
import type { Database } from '../../src/server/db/client.js';
import { openTestDatabase } from './databases.js';
import { chromiumPath } from './prerequisites.js';

/**
 * Browser tests: okno in-process on a free port (PGlite from the seeded snapshot, serving dist/web — run
 * `npx vite build` first; `npm test` does) and Debian's chromium through playwright-core.
 *
 *   let app: BrowserApp;
 *   beforeAll(async () => { app = await startBrowserApp(); });
 *   afterAll(() => app?.close());
 *   it('…', async () => { const page = await app.newPage({ viewport: phone }); await page.goto(`${app.baseUrl}/`); … });
 *
 * One browser per test file; each `newPage` is a fresh context (own localStorage, cookies). `app.api(path)`
 * reads the same server's JSON, so assertions can use the data instead of hard-coded values.
 * `expectNoSeriousA11yViolations(page)` runs axe-core and fails on serious or critical violations.
 */
export type BrowserApp = {
  baseUrl: string;
  browser: Browser;
  app: FastifyInstance;
  database: Database;
  newPage: (options?: PageOptions) => Promise<Page>;
  api: <T>(path: string) => Promise<T>;
  close: () => Promise<void>;
};
export type PageOptions = { viewport?: { width: number; height: number }; locale?: string };

export const desktop = { width: 1280, height: 900 };
export const phone = { width: 375, height: 740 };

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * The app on a seeded PGlite with a browser. `clock` pins the time the queue's routes work at (a test of
 * tickets must not depend on the hour it runs: offices open and close).
 */
export async function startBrowserApp(
  options: { config?: Partial<Config>; clock?: () => Date } = {},
): Promise<BrowserApp> {
  const database = await openTestDatabase('pglite');
  const app = await buildApp({
    config: testConfig(options.config),
    database,
    webDir: resolve('dist/web'),
    clock: options.clock,
  });
  const browserPromise = chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  let browser: Browser;
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await browserPromise;
  } catch (error) {
    await browserPromise.then((b) => b.close()).catch(() => {});
    await app.close();
    await database.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;

  return {
    baseUrl,
    browser,
    app,
    database,
    newPage: async (pageOptions = {}) => {
      const context = await browser.newContext({
        viewport: pageOptions.viewport ?? desktop,
        locale: pageOptions.locale ?? 'ru-RU',
        timezoneId: 'Europe/Moscow',
        // okno's CSP forbids inline scripts; axe-core is injected as one
        bypassCSP: true,
      });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      return page;
    },
    api: async <T>(path: string) => {
      const response = await app.inject({ method: 'GET', url: path });
      if (response.statusCode !== 200)
        throw new Error(`GET ${path}: ${response.statusCode} ${response.body}`);
      return response.json() as T;
    },
    close: async () => {
      await browser.close().catch(() => {});
      await app.close();
      await database.close();
    },
  };
}

type AxeViolation = { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] };

/** Runs axe-core on the page as it is now; fails listing each serious or critical rule and its targets. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } }
    ).axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`)
    .join('\n');
  expect(serious, `axe violations on ${page.url()}:\n${report}`).toEqual([]);
}

/** Whether the page fits its viewport horizontally (no sideways scrolling on a phone). */
export async function hasNoHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** Saves a full-page screenshot when OKNO_SHOTS names a folder (for looking at the pages by eye). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.OKNO_SHOTS;
  if (!dir) return;
  await page.screenshot({ path: resolve(dir, `${name}.png`), fullPage: true, timeout: 60_000 });
}
