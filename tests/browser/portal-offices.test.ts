import type { District, OfficeSummary } from '../../src/shared/network.js';
import {
  type BrowserApp,
  expectNoSeriousA11yViolations,
  hasNoHorizontalScroll,
  phone,
  startBrowserApp,
} from '../support/browser.js';

describe('portal offices page', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("lists every office with its address, today's hours and whether it is open now", async () => {
    const offices = await app.api<OfficeSummary[]>('/api/offices');
    const page = await app.newPage();
    await page.goto(`${app.baseUrl}/offices`);
    await page.locator('h1', { hasText: 'Офисы МФЦ' }).waitFor();
    await page.locator('.office-card').first().waitFor();
    expect(await page.locator('.office-card').count()).toBe(offices.length);
    const first = page.locator('.office-card').first();
    expect(await first.getByRole('heading').textContent()).toBe(offices[0].name);
    expect(await first.textContent()).toContain(offices[0].address);
    expect(await first.textContent()).toContain(offices[0].openNow ? 'Сейчас открыто' : 'Сейчас закрыто');
    await expectNoSeriousA11yViolations(page);
  });

  it('shows only the offices of the district chosen in the filter', async () => {
    const districts = (await app.api<District[]>('/api/districts')).filter((d) => d.officeCount > 0);
    const district = districts[districts.length - 1];
    const expected = await app.api<OfficeSummary[]>(`/api/offices?district=${district.code}`);
    const page = await app.newPage();
    await page.goto(`${app.baseUrl}/offices`);
    await page.locator('.office-card').first().waitFor();
    await page.getByLabel('Район').selectOption({ label: district.name });
    await page.waitForURL((url) => url.searchParams.get('district') === district.code);
    await page.locator(`.office-card[data-district="${district.code}"]`).first().waitFor();
    await page.waitForFunction(
      (code) =>
        [...document.querySelectorAll('.office-card')].every((c) => c.getAttribute('data-district') === code),
      district.code,
    );
    expect(await page.locator('.office-card h3').allTextContents()).toEqual(expected.map((o) => o.name));
  });

  it('shows only the offices open right now when "Открыто сейчас" is ticked', async () => {
    const page = await app.newPage();
    await page.goto(`${app.baseUrl}/offices`);
    await page.locator('.office-card').first().waitFor();
    // the box follows the address (?openNow=true), which the router updates after the click
    await page.getByRole('checkbox', { name: 'Открыто сейчас' }).click();
    await page.waitForURL((url) => url.searchParams.get('openNow') === 'true');
    // React renders the box from the new address a moment after the URL changes: wait for it, not a snapshot.
    await page.waitForFunction(
      () => (document.querySelector('input[name="openNow"]') as HTMLInputElement | null)?.checked === true,
    );
    const open = await app.api<OfficeSummary[]>('/api/offices?openNow=true');
    if (open.length === 0) {
      await page.getByText('Нет офисов, подходящих под фильтры.').waitFor();
    } else {
      await page.waitForFunction((n) => document.querySelectorAll('.office-card').length === n, open.length);
      expect(await page.locator('.office-card', { hasText: 'Сейчас закрыто' }).count()).toBe(0);
    }
  });

  it('filters by the kind of office', async () => {
    const mains = await app.api<OfficeSummary[]>('/api/offices?kind=main');
    const page = await app.newPage();
    await page.goto(`${app.baseUrl}/offices?kind=main`);
    await page.getByRole('heading', { name: /^Найден/ }).waitFor();
    expect(await page.getByLabel('Тип офиса').inputValue()).toBe('main');
    await page.waitForFunction((n) => document.querySelectorAll('.office-card').length === n, mains.length);
    expect(await page.locator('.office-card', { hasText: 'Центр МФЦ' }).count()).toBe(mains.length);
  });

  it('speaks English after the switch and fits a phone screen', async () => {
    const page = await app.newPage({ viewport: phone });
    await page.goto(`${app.baseUrl}/offices`);
    await page.locator('.office-card').first().waitFor();
    await page.getByRole('button', { name: 'EN' }).click();
    await page.locator('h1', { hasText: 'Offices' }).waitFor();
    await page.getByRole('checkbox', { name: 'Open now' }).waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await expectNoSeriousA11yViolations(page);
  });

  it('with the person consenting to share the location, lists the nearest offices first with their distance', async () => {
    const page = await app.newPage();
    await page.context().grantPermissions(['geolocation']);
    await page.context().setGeolocation({ latitude: 52.6208, longitude: 38.5033 }); // Yelets
    await page.goto(`${app.baseUrl}/offices`);
    await page.locator('.office-card').first().waitFor();
    // without consent: the order by district, no distances
    expect(await page.locator('.distance').count()).toBe(0);
    await page.getByRole('button', { name: 'Показать ближайшие' }).click();
    await page.getByText('Сначала офисы, ближайшие к вам.').waitFor();
    const first = page.locator('.office-card').first();
    await first.locator('.distance').waitFor();
    expect(await first.textContent()).toContain('Елец');
    expect(await first.locator('.distance').textContent()).toMatch(/^\d+(,\d)? км$/);
    const distances = (await page.locator('.office-card .distance').allTextContents()).map((d) =>
      Number(d.replace(' км', '').replace(',', '.')),
    );
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    // the location never reaches the address bar
    expect(new URL(page.url()).search).toBe('');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Показать по районам' }).click();
    await expect.poll(() => page.locator('.distance').count()).toBe(0);
  });

  it('keeps the order by district and says so when the location is refused', async () => {
    const offices = await app.api<OfficeSummary[]>('/api/offices');
    const page = await app.newPage();
    await page.context().clearPermissions();
    await page.goto(`${app.baseUrl}/offices`);
    await page.locator('.office-card').first().waitFor();
    await page.getByRole('button', { name: 'Показать ближайшие' }).click();
    await page.getByText('Не удалось определить, где вы находитесь. Офисы показаны по районам.').waitFor();
    expect(await page.locator('.office-card h3').first().textContent()).toBe(offices[0].name);
  });
});
