import type { Download, Page } from 'playwright-core';
import type { District } from '../../src/shared/network.js';
import {
  type BrowserApp,
  expectNoSeriousA11yViolations,
  screenshot,
  startBrowserApp,
} from '../support/browser.js';
import { signInThroughForm, staffPage } from './admin-helpers.js';

/**
 * The analytics screen (issue 12) on visits written straight into the tickets (marked simulated; the
 * rollups' triggers count them as they land): November 2026 — 1,100 at the office on Kosmonavtov street
 * (Lipetsk) and 150 at one in Yelets; November 2025 — 1,000 at Kosmonavtov; October 2026 — 50 there.
 * So November shows 1 250 visits, +25 % on last year; Lipetsk alone 1 100, +10 %; October in Lipetsk 50.
 * The server's and the browser's clocks are pinned to Monday 30 November 2026.
 */
const now = Date.parse('2026-11-30T09:00:00Z');
const startedAt = Date.now();
const clock = () => new Date(now + (Date.now() - startedAt));
const november = '/analytics?from=2026-11-01&to=2026-11-30';

const kosmonavtov = { code: 'lip-kosmonavtov', name: 'МФЦ г. Липецка — отдел на ул. Космонавтов' };
const yelets = 'elets-oktyabrskaya';

/** `count` finished visits of an office from `firstDay` on, spread over `days` days; waits of 0–24 minutes. */
function visitsSql(office: string, firstDay: string, days: number, count: number, letter: string): string {
  return `
    insert into tickets (office_code, day, letter, seq, track, service_code, channel, status, issued_at, queued_at,
      called_at, started_at, finished_at, window_number, outcome, simulated)
    select '${office}', d, '${letter}', n, 'analytics-test-${office}-${firstDay}-' || n, 'egrn-extract', 'staff', 'done',
      at, at, at + make_interval(mins => n % 25), at + make_interval(mins => n % 25 + 1),
      at + make_interval(mins => n % 25 + 13), 1 + n % 3, 'consultation_given', true
    from generate_series(1, ${count}) as n,
      lateral (select date '${firstDay}' + (n % ${days}) as d) as day_of,
      lateral (select (d + time '07:00') at time zone 'Europe/Moscow' + make_interval(mins => (n / ${days}) * 7) as at) as time_of`;
}

/** What a locator's text says with Intl's no-break spaces as plain ones. */
const textOf = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ');

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

async function openAnalytics(app: BrowserApp, path: string, login: string): Promise<Page> {
  const page = await staffPage(app);
  await page.clock.setFixedTime(new Date(now));
  await page.goto(`${app.baseUrl}${path}`);
  await page.waitForURL(/\/staff\/login\?next=/);
  await signInThroughForm(page, login, 'demo');
  await page.waitForURL((url) => url.pathname === '/analytics');
  await page.getByRole('heading', { level: 1, name: 'Аналитика' }).waitFor();
  return page;
}

async function downloadText(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

// Staff sign-in is deliberately slow (a memory-hard hash): these flows get more than the default 30 s.
describe('the analytics screen', { timeout: 240_000 }, () => {
  let app: BrowserApp;
  let lipetskCity: District;

  beforeAll(async () => {
    app = await startBrowserApp({ clock });
    await app.database.exec(
      [
        visitsSql(kosmonavtov.code, '2026-11-02', 26, 1100, 'Я'),
        visitsSql(yelets, '2026-11-02', 26, 150, 'Я'),
        visitsSql(kosmonavtov.code, '2025-11-03', 25, 1000, 'Я'),
        visitsSql(kosmonavtov.code, '2026-10-05', 20, 50, 'Я'),
      ].join(';\n'),
    );
    const districts = await app.api<District[]>('/api/districts');
    const found = districts.find((d) => d.code === 'lipetsk-city');
    if (!found) throw new Error('the demo region has no district lipetsk-city');
    lipetskCity = found;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the analyst the KPIs and figures in Russian, filters by district and period, and exports a table', async () => {
    const page = await openAnalytics(app, november, 'analyst');
    const kpis = page.getByTestId('an-kpis');
    await kpis.waitFor();
    // every target reads in words, not colour alone
    await poll(() => kpis.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
    const overWait = await textOf(page, 'kpi-shareWaitOver15');
    expect(overWait).toMatch(/\d+(,\d)? %/);
    expect(overWait).toMatch(/В норме|Близко к порогу|Не достигнуто/);
    expect(overWait).toContain('Указ № 601');
    expect(await textOf(page, 'an-period')).toContain('1–30 ноября 2026 г.');
    await poll(() => textOf(page, 'card-visits')).toContain('1 250');
    expect(await textOf(page, 'card-visits')).toContain('+25 %');
    expect(await textOf(page, 'card-wait')).toMatch(/\d+(,\d)? мин/);
    // the chart by month draws, and its table has November against a year before
    await page.getByTestId('section-months').locator('svg').first().waitFor();
    const months = page.getByTestId('table-months');
    await poll(async () => ((await months.textContent()) ?? '').replace(/\u00a0/g, ' ')).toContain(
      'ноябрь 2026 г.',
    );
    await screenshot(page, 'analytics-analyst');
    await expectNoSeriousA11yViolations(page);

    // a district: the address says so, the figures follow
    await page.getByLabel('Район', { exact: true }).selectOption(lipetskCity.code);
    await page.getByRole('button', { name: 'Показать' }).click();
    await page.waitForURL((url) => url.searchParams.get('district') === lipetskCity.code);
    expect(new URL(page.url()).searchParams.get('from')).toBe('2026-11-01');
    await poll(() => textOf(page, 'card-visits')).toContain('1 100');
    expect(await textOf(page, 'card-visits')).toContain('+10 %');
    // the office list is narrowed to the district
    const offices = await page.getByLabel('Офис', { exact: true }).locator('option').allTextContents();
    expect(offices).toContain(kosmonavtov.name);
    expect(offices.some((name) => name.includes('Ельца'))).toBe(false);

    // the table by district, exported as CSV: its header and the district's row
    const places = page.getByTestId('section-places');
    await poll(async () => (await places.getByTestId('table-places').textContent()) ?? '').toContain(
      lipetskCity.name,
    );
    const csvLink = places.getByTestId('export-csv');
    const href = (await csvLink.getAttribute('href')) ?? '';
    expect(href).toContain('format=csv');
    expect(href).toContain(`district=${lipetskCity.code}`);
    const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
    const csv = (await downloadText(download)).replace(/^\uFEFF/, '');
    const lines = csv.split(/\r?\n/).filter((line) => line.length > 0);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[0]).toMatch(/,/);
    expect(lines.slice(1).some((line) => line.includes(lipetskCity.name) && line.includes('1100'))).toBe(
      true,
    );

    // the same table as XLSX: a workbook (a zip) sent as a download
    const xlsxHref = (await places.getByTestId('export-xlsx').getAttribute('href')) ?? '';
    expect(xlsxHref).toBe(href.replace('format=csv', 'format=xlsx'));
    const xlsx = await page.request.get(`${app.baseUrl}${xlsxHref}`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml.sheet');
    expect(xlsx.headers()['content-disposition']).toMatch(/attachment; filename=".+\.xlsx"/);
    expect((await xlsx.body()).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');

    // a quick period: last month (October), the district kept
    await page.getByRole('button', { name: 'Прошлый месяц' }).click();
    await page.waitForURL((url) => url.searchParams.get('from') === '2026-10-01');
    const search = new URL(page.url()).searchParams;
    expect(search.get('to')).toBe('2026-10-31');
    expect(search.get('district')).toBe(lipetskCity.code);
    await poll(() => page.getByRole('button', { name: 'Прошлый месяц' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await poll(() => textOf(page, 'an-period')).toContain('1–31 октября 2026 г.');
    await poll(() => textOf(page, 'card-visits')).toMatch(/^Визиты\s*50/);

    // the address alone brings the same view back
    await page.reload();
    await poll(() => textOf(page, 'card-visits')).toMatch(/^Визиты\s*50/);
    expect(await page.getByLabel('Район', { exact: true }).inputValue()).toBe(lipetskCity.code);
    await expectNoSeriousA11yViolations(page);
  });

  it('lets an office head pick only their own offices and shows only their figures', async () => {
    const page = await openAnalytics(app, november, 'office_head');
    await page.getByTestId('an-kpis').waitFor();
    const office = page.getByLabel('Офис', { exact: true });
    await poll(() => office.locator('option').allTextContents()).toEqual(['Все мои офисы', kosmonavtov.name]);
    // a district is not theirs as a whole: no district to choose (the API would refuse it)
    expect(await page.getByLabel('Район', { exact: true }).count()).toBe(0);
    // Yelets's 150 visits are not theirs
    await poll(() => textOf(page, 'card-visits')).toContain('1 100');
    expect(await textOf(page, 'card-visits')).not.toContain('1 250');
    await expectNoSeriousA11yViolations(page);

    // the staff home leads here; with no dates in the address the API's default period is shown (the 30 days
    // to today on the pinned clock: the whole of November)
    await page.goto(`${app.baseUrl}/admin`);
    await page.getByRole('main').getByRole('link', { name: 'Аналитика' }).click();
    await page.waitForURL((url) => url.pathname === '/analytics' && url.search === '');
    await poll(() => textOf(page, 'an-period')).toContain('1–30 ноября 2026 г.');
    await poll(() => textOf(page, 'card-visits')).toContain('1 100');
  });
});
