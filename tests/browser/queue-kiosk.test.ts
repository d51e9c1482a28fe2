import type { Page } from 'playwright-core';
import { rows, sql } from '../../src/server/db/client.js';
import type { ServiceCard } from '../../src/shared/catalog.js';
import type { KioskSetup } from '../../src/shared/queue.js';
import {
  type BrowserApp,
  expectNoSeriousA11yViolations,
  hasNoHorizontalScroll,
  screenshot,
  startBrowserApp,
} from '../support/browser.js';
import { openSignedIn } from './admin-helpers.js';

const office = 'lip-kosmonavtov';
const portrait = { width: 1080, height: 1920 };
const landscape = { width: 1920, height: 1080 };
const demoToken = `demo-kiosk-${office}`;

/**
 * Tickets depend on the office's hours: the queue's routes run at a pinned time, Tuesday 1 December 2026,
 * 12:00 in Lipetsk (a working day, the office open), so the test passes at any hour it runs.
 */
const noon = new Date('2026-12-01T09:00:00Z');
let now = noon;

/** Every visible button and link of the page: at least 64 × 64 CSS pixels (a finger, not a mouse). */
async function expectTouchTargets(page: Page): Promise<void> {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('button, a, input, select')]
      .filter((e) => (e as HTMLElement).offsetParent !== null)
      .map((e) => ({ text: (e.textContent ?? '').trim().slice(0, 40), box: e.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 64 || box.height < 64)
      .map(({ text, box }) => `${text} ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
  expect(small).toEqual([]);
}

const key = (page: Page, letter: string) =>
  page.getByRole('group', { name: 'Экранная клавиатура' }).getByRole('button', { name: letter, exact: true });

async function openKiosk(app: BrowserApp, viewport = portrait, query = '?idle=600'): Promise<Page> {
  const page = await app.newPage({ viewport });
  await page.goto(`${app.baseUrl}/kiosk/${office}${query}#device=${demoToken}`);
  await page.getByTestId('kiosk-start').waitFor();
  return page;
}

describe('the kiosk of the electronic queue', { timeout: 180_000 }, () => {
  let app: BrowserApp;
  let setup: KioskSetup;
  beforeAll(async () => {
    app = await startBrowserApp({ clock: () => now });
    setup = await app.api<KioskSetup>(`/api/offices/${office}/kiosk`);
  });
  afterAll(() => app?.close());

  /** A service of the kiosk whose card lists documents, with its category. */
  async function serviceWithDocuments() {
    for (const category of setup.categories)
      for (const service of category.services) {
        const card = await app.api<ServiceCard>(`/api/services/${service.code}`);
        if (card.documents.length > 0) return { category, service, card };
      }
    throw new Error('no service of the kiosk lists documents');
  }

  it('keeps the demo token of the fragment, clears the fragment and shows the office with its load', async () => {
    const page = await openKiosk(app);
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.evaluate((k) => localStorage.getItem(k), `okno.kiosk.${office}`)).toBe(demoToken);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(setup.office.name);
    expect(setup.acceptsTickets).toBe(true);
    await page.getByTestId('kiosk-load').waitFor();
    for (const name of [
      'Подать документы',
      'Получить результат',
      'Консультация',
      'Выбрать услугу',
      'Поиск услуги',
    ])
      await page.getByRole('button', { name, exact: true }).waitFor();
    await expectTouchTargets(page);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'kiosk-start-portrait');
    // no portal frame
    expect(await page.locator('header, footer').count()).toBe(0);
  });

  it('issues a ticket for a service chosen through the categories: number, place, wait, documents, QR', async () => {
    const { category, service, card } = await serviceWithDocuments();
    const page = await openKiosk(app);
    await page.getByRole('button', { name: 'Выбрать услугу' }).click();
    await page.getByTestId('kiosk-categories').waitFor();
    await expectTouchTargets(page);
    await page.getByRole('button', { name: category.title, exact: true }).click();
    await page.getByTestId('kiosk-services').waitFor();
    await page.getByRole('button', { name: service.title, exact: true }).click();
    await page.getByTestId('kiosk-priority').waitFor();
    expect(setup.priorities.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: setup.priorities[0].title, exact: true }).waitFor();
    await expectTouchTargets(page);
    await page.getByRole('button', { name: 'Нет льготы' }).click();
    await page.getByTestId('kiosk-phone').waitFor();
    await expectTouchTargets(page);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Без СМС' }).click();
    await page.getByTestId('kiosk-ticket').waitFor();

    const [issued] = await rows<{ number: string; service_code: string; phone_hash: string | null }>(
      app.database.db,
      sql`select t.letter || '-' || lpad(t.seq::text, 3, '0') as number, t.service_code, t.phone_hash
          from tickets t where t.office_code = ${office} order by t.issued_at desc, t.seq desc limit 1`,
    );
    expect(issued.service_code).toBe(service.code);
    expect(issued.phone_hash).toBeNull();
    const number = (await page.getByTestId('kiosk-ticket-number').textContent()) ?? '';
    expect(number).toContain(issued.number);
    expect(await page.getByTestId('kiosk-ticket-position').textContent()).toMatch(
      /Перед вами (никого нет|\d+ человека?)/,
    );
    expect(await page.getByTestId('kiosk-ticket-wait').textContent()).toMatch(
      /Примерное ожидание: \d+ мин|Вас пригласят в ближайшие минуты/,
    );
    const documents = page.getByTestId('kiosk-ticket-documents');
    await documents.getByText(card.documents[0].name, { exact: false }).first().waitFor();
    const qr = page.getByRole('img', { name: /QR-код страницы талона/ });
    await qr.waitFor();
    expect((await qr.boundingBox())?.width).toBeGreaterThan(150);
    await page.getByRole('button', { name: 'Печать' }).waitFor();
    await expectTouchTargets(page);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'kiosk-ticket-portrait');

    // the print stylesheet: the ticket alone, 72 mm wide, black on white
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Готово' }).isVisible()).toBe(false);
    const ticketWidth = await page.locator('.kiosk-ticket').evaluate((e) => e.getBoundingClientRect().width);
    expect(Math.round(ticketWidth)).toBe(Math.round((72 / 25.4) * 96));
    expect(await page.getByTestId('kiosk-ticket-number').evaluate((e) => getComputedStyle(e).color)).toBe(
      'rgb(0, 0, 0)',
    );
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('button', { name: 'Готово' }).click();
    await page.getByTestId('kiosk-start').waitFor();
  });

  it('finds a service with the on-screen Russian keyboard and takes a phone for the SMS', async () => {
    const { service } = await serviceWithDocuments();
    const word = service.title.split(/\s+/).find((w) => /^[А-Яа-яЁё]{4,}/.test(w)) ?? service.title;
    const typed = word.slice(0, 4).toUpperCase();
    const page = await openKiosk(app);
    await page.getByRole('button', { name: 'Поиск услуги' }).click();
    await page.getByTestId('kiosk-search').waitFor();
    await expectTouchTargets(page);
    for (const letter of typed) await key(page, letter).click();
    expect(await page.getByTestId('kiosk-search-query').textContent()).toBe(typed);
    await page.getByRole('button', { name: /Стереть/ }).click();
    expect(await page.getByTestId('kiosk-search-query').textContent()).toBe(typed.slice(0, 3));
    await key(page, typed[3]).click();
    await expectNoSeriousA11yViolations(page);
    const results = page.getByTestId('kiosk-search-results');
    await results.getByRole('button', { name: service.title, exact: true }).click();
    await page.getByRole('button', { name: 'Нет льготы' }).click();
    await page.getByTestId('kiosk-phone').waitFor();
    for (const digit of '9123456789') await page.getByRole('button', { name: digit, exact: true }).click();
    expect(await page.getByTestId('kiosk-phone-value').textContent()).toBe('+7 (912) 345-67-89');
    await page.getByRole('button', { name: 'Получить талон' }).click();
    await page.getByTestId('kiosk-ticket').waitFor();
    const [issued] = await rows<{ service_code: string; phone_hash: string | null }>(
      app.database.db,
      sql`select service_code, phone_hash from tickets where office_code = ${office} order by issued_at desc, seq desc limit 1`,
    );
    expect(issued.service_code).toBe(service.code);
    expect(issued.phone_hash).not.toBeNull();
  });

  it('goes back to its first screen after the idle time, and a touch starts the wait again', async () => {
    const page = await openKiosk(app, portrait, '?idle=4');
    await page.getByRole('button', { name: 'Выбрать услугу' }).click();
    await page.getByTestId('kiosk-categories').waitFor();
    await page.waitForTimeout(2500);
    await page.mouse.click(5, 5);
    await page.waitForTimeout(2000);
    // 4.5 s after leaving the start, 2 s after the touch: still here
    expect(await page.getByTestId('kiosk-categories').isVisible()).toBe(true);
    await page.getByTestId('kiosk-start').waitFor({ timeout: 8000 });
  });

  it('fits a landscape screen without sideways scrolling, every target a finger wide', async () => {
    const page = await openKiosk(app, landscape);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await expectTouchTargets(page);
    await screenshot(page, 'kiosk-start-landscape');
    await page.getByRole('button', { name: 'Выбрать услугу' }).click();
    await page.getByTestId('kiosk-categories').waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await page.getByRole('button', { name: 'В начало' }).click();
    await page.getByRole('button', { name: 'Поиск услуги' }).click();
    await page.getByTestId('kiosk-search').waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await expectTouchTargets(page);
    await expectNoSeriousA11yViolations(page);
  });

  it('says plainly when the office is not open, and when it closes before the ticket is taken', async () => {
    now = new Date('2026-12-01T02:00:00Z'); // 05:00 in Lipetsk
    try {
      const early = await openKiosk(app);
      const closed = early.getByTestId('kiosk-closed');
      await closed.getByText('Офис сейчас не выдаёт талоны').waitFor();
      await closed.getByText('Офис сейчас не работает.').waitFor();
      expect(await early.getByRole('button', { name: 'Подать документы' }).count()).toBe(0);
      await expectNoSeriousA11yViolations(early);

      now = noon;
      const page = await openKiosk(app);
      await page.getByRole('button', { name: 'Консультация' }).click();
      await page.getByRole('button', { name: 'Нет льготы' }).click();
      now = new Date('2026-12-01T16:50:00Z'); // 19:50: closing at 20:00, within the margin
      await page.getByRole('button', { name: 'Без СМС' }).click();
      const refused = page.getByTestId('kiosk-refused');
      await refused
        .getByText(/Офис скоро закрывается \(в \d\d:\d\d\): новые талоны уже не выдаются/)
        .waitFor();
      await expectTouchTargets(page);
      await page.getByRole('button', { name: 'В начало' }).click();
      await page.getByTestId('kiosk-start').waitFor();
    } finally {
      now = noon;
    }
  });

  it('speaks English when asked', async () => {
    const page = await openKiosk(app);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Submit documents' }).waitFor();
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('button', { name: 'Подать документы' }).waitFor();
  });

  it('asks a kiosk without a token for its code; an admin enrolls one on /admin/kiosks and the code connects it', async () => {
    const admin = await openSignedIn(app, '/admin/kiosks', 'admin');
    await admin.getByRole('link', { name: 'Инфоматы' }).waitFor();
    await expectNoSeriousA11yViolations(admin);
    await admin.getByRole('combobox', { name: 'Офис' }).selectOption(office);
    await admin.getByTestId('kiosks').waitFor();
    await admin.getByRole('button', { name: 'Подключить инфомат' }).click();
    await admin.getByLabel(/Название/).fill('Инфомат у окна 1');
    await admin.getByRole('button', { name: 'Создать' }).click();
    const shown = admin.getByTestId('kiosk-code-value');
    await shown.waitFor();
    const code = ((await shown.textContent()) ?? '').replace(/\s/g, '');
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
    await admin.getByText(`/kiosk/${office}`, { exact: false }).first().waitFor();
    await admin.getByRole('rowheader', { name: 'Инфомат у окна 1', exact: true }).waitFor();
    await expectNoSeriousA11yViolations(admin);
    await screenshot(admin, 'admin-kiosks');

    const kiosk = await app.newPage({ viewport: portrait });
    await kiosk.goto(`${app.baseUrl}/kiosk/${office}`);
    await kiosk.getByTestId('kiosk-enroll').waitFor();
    await kiosk.getByRole('heading', { name: 'Подключение инфомата' }).waitFor();
    await expectTouchTargets(kiosk);
    await expectNoSeriousA11yViolations(kiosk);
    for (const letter of code) await key(kiosk, letter).click();
    expect(await kiosk.getByTestId('kiosk-enroll-code').textContent()).toBe(code);
    await kiosk.getByRole('button', { name: 'Подключить' }).click();
    await kiosk.getByTestId('kiosk-start').waitFor();
    const token = await kiosk.evaluate((k) => localStorage.getItem(k), `okno.kiosk.${office}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // the admin's list shows it enrolled; revoking it (after a confirmation) sends the kiosk back to enrollment
    await admin.reload();
    await admin.getByTestId('kiosks').waitFor();
    admin.once('dialog', (dialog) => void dialog.accept());
    await admin.getByRole('button', { name: 'Отключить «Инфомат у окна 1»' }).click();
    await admin.getByText('Инфомат отключён').waitFor();
    await kiosk.getByRole('button', { name: 'Консультация' }).click();
    await kiosk.getByRole('button', { name: 'Нет льготы' }).click();
    await kiosk.getByRole('button', { name: 'Без СМС' }).click();
    await kiosk.getByTestId('kiosk-enroll').waitFor();
    await kiosk.getByText('Инфомат отключён. Подключите его заново').waitFor();
  });

  it('says a wrong code plainly', async () => {
    const kiosk = await app.newPage({ viewport: portrait });
    await kiosk.goto(`${app.baseUrl}/kiosk/${office}`);
    for (const letter of 'ZZZZZZZZ') await key(kiosk, letter).click();
    await kiosk.getByRole('button', { name: 'Подключить' }).click();
    await kiosk.getByRole('alert').getByText('Код не подошёл', { exact: false }).waitFor();
  });
});
