import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { Booking, DaySlots } from '../../src/shared/booking.js';
import { bookingCodeAlphabet, formatBookingCode } from '../../src/shared/booking-code.js';
import type { IssuedTicket, KioskSetup } from '../../src/shared/queue.js';
import { wallTime } from '../../src/web/kiosk/booking-input.js';
import {
  type BrowserApp,
  expectNoSeriousA11yViolations,
  hasNoHorizontalScroll,
  screenshot,
  startBrowserApp,
} from '../support/browser.js';
import { openSignedIn } from './admin-helpers.js';

const office = 'lip-kosmonavtov';
const timeZone = 'Europe/Moscow';
const service = 'egrn-extract';
const portrait = { width: 1080, height: 1920 };
const landscape = { width: 1920, height: 1080 };
const demoToken = `demo-kiosk-${office}`;
const kioskHeaders = { 'x-kiosk-token': demoToken };

/**
 * The time the server works at, moved by each step: Tuesday 1 December 2026 in Lipetsk (UTC+3), the office
 * open 08:00–20:00. Bookings are made at 09:00 for later that day (the notice is two hours); the booked
 * visitor comes to the kiosk at 11:50 for 12:00 (check-in from 30 minutes before), and the window calls at
 * 12:01.
 */
const at = (local: string) => new Date(`2026-12-01T${local}:00+03:00`);
let now = at('09:00');
const today = '2026-12-01';
const codeShape = new RegExp(`^[${bookingCodeAlphabet}]{4}-[${bookingCodeAlphabet}]{4}$`);

/** Every visible button, link and field of the page: at least 64 × 64 CSS pixels, as the kiosk's own test. */
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

/** Axe, touch targets and no sideways scrolling: what every new screen of the kiosk must pass. */
async function expectKioskScreen(page: Page, shot: string): Promise<void> {
  await expectTouchTargets(page);
  expect(await hasNoHorizontalScroll(page)).toBe(true);
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, shot);
}

const key = (page: Page, letter: string) =>
  page.getByRole('group', { name: 'Экранная клавиатура' }).getByRole('button', { name: letter, exact: true });

async function openKiosk(app: BrowserApp, query = '?idle=600', viewport = portrait): Promise<Page> {
  const page = await app.newPage({ viewport });
  await page.goto(`${app.baseUrl}/kiosk/${office}${query}#device=${demoToken}`);
  await page.getByTestId('kiosk-start').waitFor();
  return page;
}

describe('booking at the kiosk: check-in by code, and a booking for another day', {
  timeout: 240_000,
}, () => {
  let app: BrowserApp;
  let setup: KioskSetup;
  beforeAll(async () => {
    app = await startBrowserApp({ clock: () => now });
    setup = await app.api<KioskSetup>(`/api/offices/${office}/kiosk`);
  });
  afterAll(() => app?.close());

  async function post<T>(url: string, payload: object, headers: Record<string, string> = {}) {
    const res = await app.app.inject({ method: 'POST', url, headers, payload });
    if (res.statusCode >= 300) throw new Error(`POST ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as T;
  }

  /** A booking made through the API (the portal's way) at the current time, for today at `time`. */
  async function bookToday(time: string, phone: string, name = 'Мария Иванова'): Promise<Booking> {
    const day = await app.api<DaySlots>(`/api/offices/${office}/slots?service=${service}&date=${today}`);
    const slot = day.slots.find((s) => wallTime(s.start, timeZone) === time && s.free > 0);
    expect(slot, `a free time at ${time}`).toBeDefined();
    return post<Booking>(
      '/api/bookings',
      {
        office,
        service,
        start: slot?.start,
        name,
        phone,
        consents: { personalData: true },
      },
      { 'idempotency-key': randomUUID() },
    );
  }

  /** «У меня запись», the code typed on the kiosk's own keyboard of the code's alphabet. */
  async function typeCode(page: Page, code: string) {
    await page.getByRole('button', { name: 'У меня запись' }).click();
    await page.getByTestId('kiosk-check-in').waitFor();
    for (const letter of code) await key(page, letter).click();
    expect(await page.getByLabel('Код записи').inputValue()).toBe(formatBookingCode(code));
  }

  it('checks a booked visitor in by the code typed, and the window calls them before a walk-in who came earlier', async () => {
    now = at('09:00');
    const booking = await bookToday('12:00', '+79161110001');
    expect(booking.code).toMatch(new RegExp(`^[${bookingCodeAlphabet}]{8}$`));

    // a walk-in takes a ticket at 11:40 for the same service
    now = at('11:40');
    const walkIn = await post<IssuedTicket>(`/api/offices/${office}/tickets`, { service }, kioskHeaders);

    // the booked visitor comes at 11:50 and checks in at the kiosk
    now = at('11:50');
    const page = await openKiosk(app);
    await page.getByRole('button', { name: 'Записаться на другой день' }).waitFor();
    await expectKioskScreen(page, 'kiosk-booking-start');
    await typeCode(page, booking.code);
    await expectKioskScreen(page, 'kiosk-check-in');
    await page.getByRole('button', { name: 'Получить талон' }).click();
    await page.getByTestId('kiosk-ticket').waitFor();
    const shown = (await page.getByTestId('kiosk-ticket-number').textContent()) ?? '';
    const number = /[А-ЯЁA-Z]-\d{3}/.exec(shown)?.[0];
    expect(number).toBeDefined();
    expect(number).not.toBe(walkIn.number);
    await page.getByTestId('kiosk-ticket-booked').getByText('По записи на 12:00').waitFor();
    await page.getByRole('img', { name: /QR-код страницы талона/ }).waitFor();
    await expectKioskScreen(page, 'kiosk-check-in-ticket');

    // the same code again: the booking already has its ticket
    await page.getByRole('button', { name: 'Готово' }).click();
    await typeCode(page, booking.code);
    await page.getByRole('button', { name: 'Получить талон' }).click();
    await page
      .getByTestId('kiosk-check-in-refusal')
      .getByText('Эта запись отменена или по ней уже получен талон.')
      .waitFor();

    // at 12:01 an operator opens a window and calls the next visitor: the booked one, though the walk-in came first
    now = at('12:01');
    const operator = await openSignedIn(app, '/operator', 'operator');
    await operator
      .getByTestId('window-picker')
      .getByRole('button', { name: 'Открыть: Окно 1', exact: true })
      .click();
    await expect.poll(() => operator.getByTestId('op-seat').textContent()).toContain('Окно 1 · ');
    const current = operator.getByTestId('current-ticket');
    await current.getByRole('button', { name: 'Вызвать следующего' }).click();
    await expect.poll(() => operator.getByTestId('op-said').textContent()).toBe(`Вызван талон ${number}`);
    expect(await current.getByTestId('current-number').textContent()).toContain(number);
    const waiting = await app.api<IssuedTicket>(`/api/tickets/${walkIn.track}`);
    expect(waiting.status).toBe('waiting');
  });

  it('tells a visitor who comes too early when to come back; a scanned slip is read; an unknown code is said plainly', async () => {
    now = at('09:00');
    const booking = await bookToday('14:00', '+79161110002');
    now = at('11:50');
    const page = await openKiosk(app);
    await page.getByRole('button', { name: 'У меня запись' }).click();
    await page.getByTestId('kiosk-check-in').waitFor();
    // a scanner types the slip's link and Enter wherever the focus is: after a touch on the screen too
    await key(page, 'A').click();
    await page.keyboard.type(`${app.baseUrl}/book/manage?code=${formatBookingCode(booking.code)}`);
    await page.keyboard.press('Enter');
    const refusal = page.getByTestId('kiosk-check-in-refusal');
    await refusal.getByText('Слишком рано. Подойдите к инфомату в 13:30.').waitFor();
    await expectKioskScreen(page, 'kiosk-check-in-early');

    const unknown = 'ACEFHJKM' === booking.code ? 'ACEFHJKN' : 'ACEFHJKM';
    for (const letter of unknown) await key(page, letter).click();
    await page.getByRole('button', { name: 'Получить талон' }).click();
    await refusal.getByText('Запись не найдена. Проверьте код.').waitFor();
    // the code stays to be corrected
    expect(await page.getByLabel('Код записи').inputValue()).toBe(formatBookingCode(unknown));
    await page.getByRole('button', { name: 'В начало' }).click();
    await page.getByTestId('kiosk-start').waitFor();
  });

  it('gives a visitor who comes after the check-in window an ordinary ticket, and says so', async () => {
    now = at('09:00');
    const booking = await bookToday('11:15', '+79161110003');
    now = at('11:50'); // 35 minutes after the booked time: the region gives late visitors an ordinary ticket
    const page = await openKiosk(app);
    await typeCode(page, booking.code);
    await page.getByRole('button', { name: 'Получить талон' }).click();
    await page.getByTestId('kiosk-ticket').waitFor();
    await page
      .getByTestId('kiosk-ticket-booked')
      .getByText('Время записи прошло: талон в общую очередь')
      .waitFor();
  });

  /** From the first screen to the confirmation: a service found by a word, the first free day, its first time. */
  async function chooseTime(page: Page) {
    await page.getByRole('button', { name: 'Записаться на другой день' }).click();
    await page.getByTestId('kiosk-book-service').waitFor();
    const title = setup.categories.flatMap((c) => c.services).find((s) => s.code === service)?.title;
    expect(title).toBeDefined();
    await page.getByRole('button', { name: 'Поиск услуги' }).click();
    for (const letter of 'ЕГРН') await key(page, letter).click();
    await page.getByTestId('kiosk-search-results').getByRole('button', { name: title, exact: true }).click();
    await page.getByTestId('kiosk-book-day').waitFor();
    const days = page.getByTestId('kiosk-book-day').locator('.kiosk-days button');
    await days.first().waitFor();
    return { title: title as string, days };
  }

  it('books another day at the kiosk: service, day, time, name, phone, consents — and shows the code', async () => {
    now = at('11:50');
    const page = await openKiosk(app);
    await page.getByRole('button', { name: 'Записаться на другой день' }).click();
    await page.getByTestId('kiosk-book-service').waitFor();
    await expectKioskScreen(page, 'kiosk-book-service');
    await page.getByRole('button', { name: 'В начало' }).click();

    const { title, days } = await chooseTime(page);
    // fourteen days from tomorrow; a day without a free time cannot be chosen
    expect(await days.count()).toBe(14);
    const first = days.first();
    expect(await first.textContent()).toContain('2 декабря');
    expect(await first.textContent()).toContain('среда');
    await expectKioskScreen(page, 'kiosk-book-day');
    // Sunday 6 December: the office does not open
    const sunday = page.getByRole('button', { name: /6 декабря/ });
    expect(await sunday.isDisabled()).toBe(true);
    expect(await sunday.textContent()).toContain('мест нет');
    await first.click();

    await page.getByTestId('kiosk-book-time').waitFor();
    const times = page.getByTestId('kiosk-book-time').locator('.kiosk-times button');
    await times.first().waitFor();
    await expectKioskScreen(page, 'kiosk-book-time');
    const time = (await times.first().textContent()) ?? '';
    expect(time).toMatch(/^\d\d:\d\d$/);
    await times.first().click();

    await page.getByTestId('kiosk-book-name').waitFor();
    await expectKioskScreen(page, 'kiosk-book-name');
    for (const letter of 'ПЁТР') await key(page, letter).click();
    await key(page, 'Пробел').click();
    for (const letter of 'ИВАНОВ') await key(page, letter).click();
    expect(await page.getByTestId('kiosk-book-name-value').textContent()).toBe('Пётр Иванов');
    await page.getByRole('button', { name: 'Далее' }).click();

    await page.getByTestId('kiosk-book-phone').waitFor();
    await page.getByRole('button', { name: '4', exact: true }).click();
    await page.getByText('Нужен номер мобильного телефона').waitFor();
    await page.getByRole('button', { name: 'Очистить' }).click();
    for (const digit of '9162223344') await page.getByRole('button', { name: digit, exact: true }).click();
    expect(await page.getByTestId('kiosk-book-phone-value').textContent()).toBe('+7 (916) 222-33-44');
    await expectKioskScreen(page, 'kiosk-book-phone');
    await page.getByRole('button', { name: 'Далее' }).click();

    await page.getByTestId('kiosk-book-confirm').waitFor();
    const summary = page.getByTestId('kiosk-book-summary');
    expect(await summary.textContent()).toContain(`среда, 2 декабря, ${time}`);
    expect(await summary.textContent()).toContain('Пётр Иванов');
    const submit = page.getByRole('button', { name: 'Записаться', exact: true });
    expect(await submit.isDisabled()).toBe(true);
    await expectKioskScreen(page, 'kiosk-book-confirm');
    await page.getByRole('checkbox', { name: /обработку моих персональных данных/ }).check();
    await page.getByRole('checkbox', { name: /Присылать СМС/ }).check();
    await submit.click();

    await page.getByTestId('kiosk-book-done').waitFor();
    const shown = ((await page.getByTestId('kiosk-book-code').textContent()) ?? '').replace(
      'Код записи: ',
      '',
    );
    expect(shown).toMatch(codeShape);
    await page.getByText('Сохраните код', { exact: false }).waitFor();
    expect(await page.getByTestId('kiosk-book-when').textContent()).toBe(`среда, 2 декабря, ${time}`);
    const qr = page.getByRole('img', { name: /QR-код страницы записи/ });
    expect((await qr.boundingBox())?.width).toBeGreaterThan(150);
    await expectKioskScreen(page, 'kiosk-book-done');

    // the booking is the kiosk's, for the time chosen, the name as people write it
    const code = shown.replace('-', '');
    const booking = await app.api<Booking>(
      `/api/bookings/${code}?phone=${encodeURIComponent('+79162223344')}`,
    );
    expect(booking.channel).toBe('kiosk');
    expect(booking.status).toBe('booked');
    expect(booking.service.title).toBe(title);
    expect(booking.name).toBe('Пётр Иванов');
    expect(wallTime(booking.start, timeZone)).toBe(time);
    expect(booking.start.slice(0, 10)).toBe('2026-12-02');

    await page.getByRole('button', { name: 'Готово' }).click();
    await page.getByTestId('kiosk-start').waitFor();
  });

  it('offers the nearest free times when the time chosen was taken meanwhile', async () => {
    now = at('11:50');
    const page = await openKiosk(app, '?idle=600', landscape);
    const { days } = await chooseTime(page);
    await days.nth(1).click(); // Thursday 3 December
    const times = page.getByTestId('kiosk-book-time').locator('.kiosk-times button');
    await times.first().waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    const time = (await times.first().textContent()) ?? '';
    await times.first().click();
    for (const letter of 'ОЛЬГА') await key(page, letter).click();
    await page.getByRole('button', { name: 'Далее' }).click();
    for (const digit of '9163334455') await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: 'Далее' }).click();
    await page.getByRole('checkbox', { name: /обработку моих персональных данных/ }).check();

    // meanwhile others take every seat of that time
    const day = await app.api<DaySlots>(`/api/offices/${office}/slots?service=${service}&date=2026-12-03`);
    const slot = day.slots.find((s) => wallTime(s.start, timeZone) === time);
    expect(slot).toBeDefined();
    for (let i = 0; i < (slot?.free ?? 0); i++)
      await post(
        '/api/bookings',
        {
          office,
          service,
          start: slot?.start,
          name: 'Другой посетитель',
          phone: `+7917000${String(i).padStart(4, '0')}`,
          consents: { personalData: true },
        },
        { 'idempotency-key': randomUUID() },
      );

    await page.getByRole('button', { name: 'Записаться', exact: true }).click();
    await page.getByTestId('kiosk-book-taken').waitFor();
    await page.getByRole('alert').getByText('Пока вы выбирали, это время заняли').waitFor();
    const nearest = page.getByTestId('kiosk-book-taken').locator('.kiosk-list button');
    await nearest.first().waitFor();
    await expectKioskScreen(page, 'kiosk-book-taken');
    const other = (await nearest.first().textContent()) ?? '';
    expect(other).not.toBe(`четверг, 3 декабря, ${time}`);
    await nearest.first().click();
    await page.getByTestId('kiosk-book-confirm').waitFor();
    expect(await page.getByTestId('kiosk-book-summary').textContent()).toContain(other);
    await page.getByRole('button', { name: 'Записаться', exact: true }).click();
    await page.getByTestId('kiosk-book-done').waitFor();
    expect(await page.getByTestId('kiosk-book-when').textContent()).toBe(other);
  });

  it('forgets the name and the phone when the kiosk goes back to its first screen after the idle time', async () => {
    now = at('11:50');
    const page = await openKiosk(app, '?idle=4');
    const { days } = await chooseTime(page);
    await days.first().click();
    const times = page.getByTestId('kiosk-book-time').locator('.kiosk-times button');
    await times.first().click();
    for (const letter of 'АННА') await key(page, letter).click();
    expect(await page.getByTestId('kiosk-book-name-value').textContent()).toBe('Анна');
    await page.getByRole('button', { name: 'Далее' }).click();
    for (const digit of '9165556677') await page.getByRole('button', { name: digit, exact: true }).click();
    expect(await page.getByTestId('kiosk-book-phone-value').textContent()).toBe('+7 (916) 555-66-77');
    // nobody touches the screen: back to the start
    await page.getByTestId('kiosk-start').waitFor({ timeout: 10_000 });

    const again = await chooseTime(page);
    await again.days.first().click();
    await times.first().click();
    await page.getByTestId('kiosk-book-name').waitFor();
    expect((await page.getByTestId('kiosk-book-name-value').textContent())?.trim()).toBe('');
    for (const letter of 'ОЛЕГ') await key(page, letter).click();
    await page.getByRole('button', { name: 'Далее' }).click();
    expect(await page.getByTestId('kiosk-book-phone-value').textContent()).toBe('+7 (___) ___-__-__');
  });

  it('speaks English on the new screens too', async () => {
    const page = await openKiosk(app);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'I have a booking' }).click();
    await page.getByRole('heading', { name: 'I have a booking' }).waitFor();
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('heading', { name: 'У меня запись' }).waitFor();
  });
});
