import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ServicesPage } from '../../src/shared/catalog.js';
import type { OfficeSummary } from '../../src/shared/network.js';
import { type BrowserApp, startBrowserApp } from '../support/browser.js';

/** Strings only staff code carries: its API paths and the zod runtime the staff forms use. */
const staffOnly = ['/api/admin/', '/api/auth/login', '/api/auth/password', '_zod', 'jitless'];

describe('portal pages load fast and clean', () => {
  let app: BrowserApp;
  let paths: string[];
  beforeAll(async () => {
    app = await startBrowserApp();
    const services = await app.api<ServicesPage>('/api/services?limit=1');
    const offices = await app.api<OfficeSummary[]>('/api/offices');
    paths = [
      '/',
      '/services',
      `/services/${services.items[0].code}`,
      '/book',
      '/status',
      '/offices',
      `/offices/${offices[0].code}`,
    ];
  });
  afterAll(async () => {
    await app?.close();
  });

  it('builds an entry with no staff code: the console is a chunk of its own', () => {
    const html = readFileSync(resolve('dist/web/index.html'), 'utf8');
    const entry = /<script type="module"[^>]*src="\/?([^"]+\.js)"/.exec(html)?.[1];
    expect(entry, 'the entry script in dist/web/index.html').toBeDefined();
    const code = readFileSync(resolve('dist/web', entry!), 'utf8');
    for (const text of staffOnly) expect(code.includes(text), `"${text}" in ${entry}`).toBe(false);
  });

  it('loads no staff chunk on portal pages, and loads it on the console', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    for (const path of paths) {
      await page.goto(`${app.baseUrl}${path}`);
      await page.locator('main h1').first().waitFor();
    }
    expect(scripts.filter((s) => s.includes('staff'))).toEqual([]);
    await page.goto(`${app.baseUrl}/staff/login`);
    await page.getByRole('button', { name: 'Войти' }).waitFor();
    expect(scripts.filter((s) => s.includes('staff')).length).toBeGreaterThan(0);
    await context.close();
  });

  it('logs no console error and no CSP violation on any portal page (CSP enforced)', async () => {
    const context = await app.browser.newContext({ locale: 'ru-RU' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
    for (const path of paths) {
      await page.goto(`${app.baseUrl}${path}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('gives each page its own title and meta description, in Russian and in English', async () => {
    const context = await app.browser.newContext({ locale: 'ru-RU' });
    const page = await context.newPage();
    const seen = new Map<string, string>();
    for (const path of paths) {
      await page.goto(`${app.baseUrl}${path}`);
      await page.locator('main h1').first().waitFor();
      await expect.poll(() => page.title()).toContain('Мои документы');
      const description = await page.locator('meta[name="description"]').getAttribute('content');
      expect(description, path).toBeTruthy();
      seen.set(path, description!);
    }
    expect(new Set(seen.values()).size).toBe(paths.length);
    await page.getByRole('button', { name: 'EN' }).click();
    await expect
      .poll(() => page.locator('meta[name="description"]').getAttribute('content'))
      .toMatch(/address, phone, this week’s hours/);
    expect(await page.locator('meta[name="description"]').count()).toBe(1);
    await context.close();
  });
});
