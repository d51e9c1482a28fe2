import type { Page } from 'playwright-core';
import type { AdminServicesPage, ServiceOffices } from '../../src/shared/catalog.admin.js';
import type { Agency } from '../../src/shared/catalog.js';
import type { AdminOffice } from '../../src/shared/network.admin.js';
import type { OfficeDetail, OfficeSummary } from '../../src/shared/network.js';
import { createStaffUser, signIn } from '../support/auth.js';
import {
  type BrowserApp,
  expectNoSeriousA11yViolations,
  hasNoHorizontalScroll,
  phone,
  screenshot,
  startBrowserApp,
} from '../support/browser.js';
import { openSignedIn } from './admin-helpers.js';

/** The words of each table header that break across lines (a word drawn on more than one line box). */
async function headerWordsBroken(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    for (const th of document.querySelectorAll('main thead th')) {
      const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  });
}

// Staff sign-in is deliberately slow (a memory-hard hash): these flows get more than the default 30 s.
describe('admin console: names, not codes; tables on a phone', { timeout: 90_000 }, () => {
  let app: BrowserApp;
  let admin: { login: string; password: string };
  let headers: Record<string, string>;
  const adminApi = async <T>(url: string) =>
    (await app.app.inject({ method: 'GET', url, headers })).json() as T;
  beforeAll(async () => {
    app = await startBrowserApp();
    admin = await createStaffUser(app.database, { grants: [{ role: 'admin', scope: { kind: 'region' } }] });
    headers = (await signIn(app.app, admin.login, admin.password)).headers;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows agencies by their short names in the services list, never their codes', async () => {
    const agencies = await app.api<Agency[]>('/api/agencies');
    const list = await adminApi<AdminServicesPage>('/api/admin/services?limit=50');
    const withAgency = list.items.filter((s) => s.agency !== null);
    expect(withAgency.length).toBeGreaterThan(0);
    const page = await openSignedIn(app, '/admin/services', admin.login, admin.password);
    const first = withAgency[0];
    const agency = agencies.find((a) => a.code === first.agency);
    const row = page.getByRole('row', { name: new RegExp(first.title.slice(0, 30)) }).first();
    await row.getByText(agency?.shortName ?? '?', { exact: true }).waitFor();
    expect(await row.getByText(agency?.shortName ?? '?', { exact: true }).getAttribute('title')).toBe(
      agency?.name,
    );
    const cells = await page.locator('main tbody td').allTextContents();
    for (const code of new Set(withAgency.map((s) => s.agency))) expect(cells).not.toContain(code);
    await expectNoSeriousA11yViolations(page);
  });

  it('names the offices of a service with their districts and picks listed offices by name', async () => {
    const list = await adminApi<AdminServicesPage>('/api/admin/services?status=published&limit=1');
    const service = list.items[0];
    const where = await adminApi<ServiceOffices>(`/api/admin/services/${service.code}/offices`);
    const offices = await app.api<OfficeSummary[]>('/api/offices');
    const main = offices.find((o) => o.code === where.officesOfferingAll[0]);
    expect(main).toBeDefined();
    const page = await openSignedIn(app, `/admin/services/${service.code}`, admin.login, admin.password);
    const all = page.getByTestId('offices-offering-all');
    await all.getByRole('link', { name: `${main?.name} (${main?.district.name})` }).waitFor();
    expect(await all.textContent()).not.toContain(where.officesOfferingAll[0]);

    // pick a remote office by searching its name: the form sends its code
    const remote = offices.find((o) => o.kind === 'remote' && !where.offices.includes(o.code));
    if (!remote) throw new Error('the demo region has a remote office');
    const form = page.getByTestId('listed-offices');
    await form.getByLabel('Поиск: Офисы, где услуга указана отдельно').fill(remote.name);
    await form.getByRole('checkbox', { name: remote.name }).first().check();
    await form.getByRole('button', { name: `Убрать: ${remote.name}` }).waitFor();
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await form.getByText('Сохранено').waitFor();
    const saved = await adminApi<ServiceOffices>(`/api/admin/services/${service.code}/offices`);
    expect(saved.offices).toContain(remote.code);
    await expectNoSeriousA11yViolations(page);
  });

  it('offers every published service to an office, not only the first 200 of the list', async () => {
    const first = await adminApi<AdminServicesPage>('/api/admin/services?status=published&limit=200');
    expect(first.total).toBeGreaterThan(200);
    const lastPage = Math.ceil(first.total / 200);
    const tail = await adminApi<AdminServicesPage>(
      `/api/admin/services?status=published&limit=200&page=${lastPage}`,
    );
    const late = tail.items[tail.items.length - 1];
    const offices = await app.api<OfficeSummary[]>('/api/offices?kind=remote');
    const page = await openSignedIn(app, `/admin/offices/${offices[0].code}`, admin.login, admin.password);
    const picker = page.getByRole('group', { name: 'Услуги офиса', exact: true });
    await picker.getByLabel('Поиск: Услуги офиса').fill(late.title.slice(0, 40));
    await picker.getByRole('checkbox', { name: late.title, exact: true }).waitFor();
  });

  it('picks a window’s services by title, and the history says what changed in words', async () => {
    const offices = await app.api<OfficeSummary[]>('/api/offices?kind=main');
    const office = await adminApi<AdminOffice>(`/api/admin/offices/${offices[0].code}`);
    const card = await app.api<OfficeDetail>(`/api/offices/${office.code}`);
    expect(office.windows.length).toBeGreaterThan(0);
    const service = card.services.find((s) => !office.windows[0].serviceCodes.includes(s.code));
    if (!service) throw new Error('the office offers a service its first window does not list');
    const page = await openSignedIn(app, `/admin/offices/${office.code}`, admin.login, admin.password);
    const editor = page.getByTestId('windows-editor');
    const services = editor.getByRole('group', { name: 'Услуги окна', exact: true }).first();
    await services.getByLabel('Поиск: Услуги окна').fill(service.title.split(' ').slice(0, 2).join(' '));
    await services.getByRole('checkbox', { name: service.title, exact: true }).check();
    await services.getByRole('button', { name: `Убрать: ${service.title}` }).waitFor();
    // the chosen services read as titles, not codes
    expect(await services.locator('.pick-chosen').textContent()).not.toContain(service.code);
    await editor.getByRole('button', { name: 'Сохранить окна' }).click();
    await editor.getByTestId('windows-status').getByText('Сохранено').waitFor();
    const saved = await adminApi<AdminOffice>(`/api/admin/offices/${office.code}`);
    expect(saved.windows[0].serviceCodes).toContain(service.code);

    const history = page.getByTestId('history');
    await history.getByText('окна', { exact: true }).first().waitFor();
    const text = (await history.textContent()) ?? '';
    expect(text).toContain('Номер окна');
    expect(text).not.toMatch(/\bwindows\b|\bnumber:|\bserviceCodes\b/);
    await expectNoSeriousA11yViolations(page);
  });

  it('says «успешно» in the security log and names the browser briefly, the full string on hover', async () => {
    const page = await openSignedIn(app, '/admin/security-log', admin.login, admin.password);
    await page.getByLabel('Логин').fill(admin.login);
    await page.getByRole('button', { name: 'Найти' }).click();
    const log = page.getByTestId('security-log');
    await log.getByText('успешно', { exact: true }).first().waitFor();
    const cells = await log.locator('tbody td').allTextContents();
    expect(cells).not.toContain('ok');
    const browser = log.locator('tbody td span[title]').first();
    expect(await browser.textContent()).toMatch(/^Chrome( Headless)? \d+, Linux$/);
    expect(await browser.getAttribute('title')).toMatch(/^Mozilla\/5\.0 .*Chrome\/\d+/);
    await expectNoSeriousA11yViolations(page);
  });

  it('keeps table headers whole on a 375 px phone, and the offices table readable or scrolling', async () => {
    const page = await openSignedIn(app, '/admin/offices', admin.login, admin.password);
    await page.setViewportSize(phone);
    for (const path of ['/admin/offices', '/admin/services', '/admin/agencies', '/admin/districts']) {
      await page.goto(`${app.baseUrl}${path}`);
      await page.locator('main tbody tr').first().waitFor();
      expect(await headerWordsBroken(page), path).toEqual([]);
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => !e.closest('.table-wrap') && e.getBoundingClientRect().right > window.innerWidth + 1)
          .slice(0, 5)
          .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
      );
      expect(await hasNoHorizontalScroll(page), `${path}: ${wide.join('; ')}`).toBe(true);
    }
    await page.goto(`${app.baseUrl}/admin/offices`);
    await page.locator('main tbody th').first().waitFor();
    const widths = await page
      .locator('main tbody th')
      .evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().width));
    const scrolls = await page
      .locator('.table-wrap')
      .first()
      .evaluate((box) => box.scrollWidth > box.clientWidth);
    expect(Math.min(...widths) >= 80 || scrolls).toBe(true);
    if (scrolls) {
      await page.getByTestId('table-hint').waitFor();
      await page.getByRole('region', { name: 'Офисы' }).waitFor();
    }
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'admin-offices-phone');
  });
});
