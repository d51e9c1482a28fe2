import type { Page } from 'playwright-core';
import type { Availability, Booking, BookingOffice, DaySlots } from '../../src/shared/booking.js';
import type { ServiceCard } from '../../src/shared/catalog.js';
import type { OfficeSummary } from '../../src/shared/network.js';
import {
  type BrowserApp,
  expectNoSeriousA11yViolations,
  hasNoHorizontalScroll,
  phone,
  screenshot,
  startBrowserApp,
} from '../support/browser.js';

const service = 'egrn-extract';
const office = 'lip-kosmonavtov';
const citizenPhone = '+7 (912) 345-67-89';
const normalPhone = '+79123456789';

/**
 * Free times depend on the day and the hour: the server runs at a pinned time, Monday 7 December 2026,
 * 09:00 in Lipetsk (Moscow time) — a working day in a month with no holiday before the 31st — so the test
 * passes at any hour it runs. The clock stands still: the minimum notice counts from 09:00.
 */
const monday = new Date('2026-12-07T06:00:00Z');

/** 'HH:MM' of an instant written with the office's offset. */
const wallTime = (iso: string) => iso.slice(11, 16);

describe('booking a visit on the portal', { timeout: 180_000 }, () => {
  let app: BrowserApp;
  let card: ServiceCard;
  let days: Availability['days'];
  beforeAll(async () => {
    app = await startBrowserApp({ clock: () => monday });
    card = await app.api<ServiceCard>(`/api/services/${service}`);
    days = (await app.api<Availability>(`/api/offices/${office}/availability?service=${service}`)).days;
  });
  afterAll(() => app?.close());

  const freeDays = () => days.filter((d) => d.free > 0).map((d) => d.date);
  const freeTimes = async (date: string) =>
    (await app.api<DaySlots>(`/api/offices/${office}/slots?service=${service}&date=${date}`)).slots
      .filter((s) => s.free > 0)
      .map((s) => wallTime(s.start));
  /** Seats left at a time of a day ('HH:MM' on the office's clock); 0 when the time is not offered. */
  const seatsAt = async (date: string, time: string) =>
    (await app.api<DaySlots>(`/api/offices/${office}/slots?service=${service}&date=${date}`)).slots.find(
      (s) => wallTime(s.start) === time,
    )?.free ?? 0;
  const readBooking = (code: string) => app.api<Booking>(`/api/bookings/${code}?phone=${normalPhone}`);
  /** The day's button in the month grid: «вторник, 8 декабря: 12 свободных записей». */
  const dayButton = (page: Page, date: string) => page.locator(`.month-grid button[data-date="${date}"]`);

  async function fillDetails(page: Page, phoneNumber = citizenPhone) {
    await page.getByRole('heading', { name: 'Ваши данные', level: 2 }).waitFor();
    await page.getByLabel('Имя').fill('Анна Петрова');
    await page.getByLabel('Мобильный телефон').fill(phoneNumber);
    await page.getByLabel(/обработку моих персональных данных/).check();
    await page.getByLabel(/Присылать SMS/).check();
  }

  it('books from the search result through the service page: office, day, time, form, then the code and the slip', async () => {
    const page = await app.newPage();
    // the catalog's search result → the service page → «Записаться на приём»
    await page.goto(`${app.baseUrl}/services?q=${encodeURIComponent('выписка из ЕГРН')}`);
    await page.locator('.service-card').first().waitFor();
    await page.locator(`.service-card a[href="/services/${service}"]`).click();
    await page.locator('h1', { hasText: card.shortTitle || card.title }).waitFor();
    await page.getByRole('link', { name: 'Записаться на приём' }).click();
    await page.locator('h1', { hasText: 'Запись на приём' }).waitFor();
    expect(new URL(page.url()).searchParams.get('service')).toBe(service);
    expect(await page.title()).toBe('Запись на приём — Мои документы');

    // the offices offering it, each with its first free time
    await page.getByRole('heading', { name: 'Выберите офис', level: 2 }).waitFor();
    const theOffice = page.locator(`[data-office="${office}"]`);
    await theOffice.waitFor();
    expect(await theOffice.textContent()).toContain('Ближайшее свободное время:');
    const officeName = (await theOffice.getByRole('link').textContent())!;
    await theOffice.getByRole('link').click();

    // the month: days with no free time are not choosable; the first free one is
    await page.getByRole('heading', { name: 'Выберите день', level: 2 }).waitFor();
    const [day, otherDay] = freeDays();
    expect(day, 'a free day within the horizon').toBeDefined();
    const full = days.find((d) => d.free === 0 && d.date.slice(0, 7) === day.slice(0, 7))!;
    expect(await dayButton(page, full.date).getAttribute('aria-disabled')).toBe('true');
    // aria-disabled (it stays in the grid's arrow navigation): a press does nothing
    await dayButton(page, full.date).click({ force: true });
    expect(new URL(page.url()).searchParams.get('date')).toBeNull();
    await dayButton(page, day).click();

    // the free times of the day, on the office's clock
    await page.getByRole('heading', { name: 'Выберите время', level: 2 }).waitFor();
    const times = await freeTimes(day);
    expect(await page.getByTestId('day-times').getByRole('button').allTextContents()).toEqual(times);
    const seats = await seatsAt(day, times[0]);
    await page.getByTestId('day-times').getByRole('button', { name: times[0], exact: true }).click();

    // the form: the consent is required, the phone must be a mobile; the words are Russian
    await page.getByRole('heading', { name: 'Ваши данные', level: 2 }).waitFor();
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({
      service,
      office,
      date: day,
      time: times[0],
    });
    await page.getByRole('button', { name: 'Записаться', exact: true }).click();
    await page.getByText('Без согласия на обработку персональных данных записаться нельзя').waitFor();
    expect(await page.getByLabel('Имя').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Мобильный телефон').fill('+7 (4742) 25-00-01');
    await page.getByRole('button', { name: 'Записаться', exact: true }).click();
    await page.getByText('Нужен номер мобильного телефона России').waitFor();

    // a reload keeps the way (every choice is in the address)
    await page.reload();
    await fillDetails(page);
    await page.getByRole('button', { name: 'Записаться', exact: true }).click();

    // the confirmation: the code big, office, address, time on the office's clock, what to bring, slip, manage
    const code = page.getByTestId('booking-code');
    await code.waitFor();
    const shown = (await code.textContent())!;
    expect(shown).toMatch(/^[ACEFHJKMNPRTUVWXY3479]{4}-[ACEFHJKMNPRTUVWXY3479]{4}$/);
    const bookingCode = shown.replace('-', '');
    expect(new URL(page.url()).searchParams.get('code')).toBe(bookingCode);
    expect(page.url()).not.toContain('912');
    const booking = await readBooking(bookingCode);
    expect(booking.status).toBe('booked');
    expect(booking.channel).toBe('portal');
    expect(wallTime(booking.start)).toBe(times[0]);
    expect(await seatsAt(day, times[0])).toBe(seats - 1);
    const confirmation = page.getByTestId('booking');
    const text = (await confirmation.textContent())!;
    expect(text).toContain(officeName);
    expect(text).toContain(booking.office.address);
    expect(await page.getByTestId('booking-time').textContent()).toContain(times[0]);
    expect(booking.documents.length).toBeGreaterThan(0);
    for (const document of booking.documents) expect(text).toContain(document.name);

    const slip = page.getByTestId('slip-link');
    const href = (await slip.getAttribute('href'))!;
    expect(href).toBe(`/api/bookings/${bookingCode}/slip.pdf?phone=${encodeURIComponent(normalPhone)}`);
    const pdf = await page.request.get(`${app.baseUrl}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // a reload of the confirmation shows it again (the phone stays in the history entry, not the address)
    await page.reload();
    await code.waitFor();
    expect(await code.textContent()).toBe(shown);
    await screenshot(page, 'booking-done');

    // manage: cancel, after asking
    await page.getByTestId('manage-link').click();
    await page.locator('h1', { hasText: 'Ваша запись' }).waitFor();
    await page.getByRole('button', { name: 'Отменить запись' }).click();
    const ask = page.getByTestId('cancel-confirm');
    await ask.getByText('Отменить запись?').waitFor();
    await ask.getByRole('button', { name: 'Не отменять' }).click();
    expect((await readBooking(bookingCode)).status).toBe('booked');
    await page.getByRole('button', { name: 'Отменить запись' }).click();
    await ask.getByRole('button', { name: 'Да, отменить' }).click();
    await page.getByTestId('manage-done').getByText('Запись отменена.').waitFor();
    expect(await page.getByTestId('booking-status').textContent()).toBe('Запись отменена');
    expect(await page.getByRole('button', { name: 'Перенести' }).count()).toBe(0);
    expect((await readBooking(bookingCode)).status).toBe('cancelled');

    // the cancelled time is free again at once: the same address books it anew
    expect(await seatsAt(day, times[0])).toBe(seats);
    await page.goto(`${app.baseUrl}/book?service=${service}&office=${office}&date=${day}&time=${times[0]}`);
    await fillDetails(page);
    await page.getByRole('button', { name: 'Записаться', exact: true }).click();
    await code.waitFor();
    const second = (await code.textContent())!.replace('-', '');
    expect(second).not.toBe(bookingCode);
    expect(await seatsAt(day, times[0])).toBe(seats - 1);

    // manage by typing the code and the phone (what the slip's QR opens): a wrong phone reads neutrally
    await page.goto(`${app.baseUrl}/book/manage?code=${second}`);
    await page.locator('h1', { hasText: 'Моя запись' }).waitFor();
    expect(await page.getByLabel('Код записи').inputValue()).toBe(`${second.slice(0, 4)}-${second.slice(4)}`);
    await page.getByLabel('Номер телефона').fill('+7 912 000-00-00');
    await page.getByRole('button', { name: 'Найти запись' }).click();
    const notFound = page.getByTestId('manage-not-found');
    await notFound.getByText('Запись не найдена. Проверьте код и номер телефона.').waitFor();
    await page.getByLabel('Номер телефона').fill(citizenPhone);
    await page.getByRole('button', { name: 'Найти запись' }).click();
    await page.locator('h1', { hasText: 'Ваша запись' }).waitFor();
    expect(await page.getByTestId('booking-code').textContent()).toBe(
      `${second.slice(0, 4)}-${second.slice(4)}`,
    );

    // reschedule to another day and time: the same month and times
    await page.getByRole('button', { name: 'Перенести' }).click();
    const reschedule = page.getByTestId('reschedule');
    await dayButton(page, otherDay).click();
    const otherTimes = await freeTimes(otherDay);
    const newTime = otherTimes[otherTimes.length - 1];
    const newSeats = await seatsAt(otherDay, newTime);
    await reschedule.getByTestId('day-times').getByRole('button', { name: newTime, exact: true }).click();
    await reschedule.getByRole('button', { name: /^Перенести на / }).click();
    await page
      .getByTestId('manage-done')
      .getByText(/^Запись перенесена на /)
      .waitFor();
    expect(await page.getByTestId('booking-time').textContent()).toContain(newTime);
    const moved = await readBooking(second);
    expect(moved.status).toBe('booked');
    expect(moved.start.slice(0, 10)).toBe(otherDay);
    expect(wallTime(moved.start)).toBe(newTime);
    // the new time holds the booking, the old one is free again
    expect(await seatsAt(otherDay, newTime)).toBe(newSeats - 1);
    expect(await seatsAt(day, times[0])).toBe(seats);
    await expectNoSeriousA11yViolations(page);
  });

  it('offers the nearest free times when the chosen one was taken meanwhile, and books one of them', async () => {
    const day = freeDays()[2];
    const slots = (await app.api<DaySlots>(`/api/offices/${office}/slots?service=${service}&date=${day}`))
      .slots;
    const slot = slots.find((s) => s.free > 0)!;
    const page = await app.newPage();
    await page.goto(
      `${app.baseUrl}/book?service=${service}&office=${office}&date=${day}&time=${wallTime(slot.start)}`,
    );
    // another person: the first test's phone already holds a booking of this service
    await fillDetails(page, '8 912 765-43-21');

    // others take every seat of that time while the form is being filled
    for (let i = 0; (await seatsAt(day, wallTime(slot.start))) > 0; i++) {
      const response = await app.app.inject({
        method: 'POST',
        url: '/api/bookings',
        headers: { 'idempotency-key': `taken-meanwhile-${i}` },
        payload: {
          office,
          service,
          start: slot.start,
          name: 'Другой заявитель',
          phone: `+799000${String(i).padStart(5, '0')}`,
          consents: { personalData: true },
        },
      });
      expect(response.statusCode, response.body).toBe(201);
    }

    await page.getByRole('button', { name: 'Записаться', exact: true }).click();
    const refusal = page.locator('[data-error-code="SLOT_TAKEN"]');
    await refusal.getByText('Это время только что заняли.').waitFor();
    const nearest = refusal.getByTestId('nearest-times').getByRole('button');
    expect(await nearest.count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);
    const offered = (await nearest.first().textContent())!;
    await nearest.first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('time')).not.toBe(wallTime(slot.start));
    const time = new URL(page.url()).searchParams.get('time')!;
    expect(offered).toContain(time);
    // what was typed stays
    expect(await page.getByLabel('Имя').inputValue()).toBe('Анна Петрова');
    expect(await page.getByLabel(/обработку моих персональных данных/).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Записаться', exact: true }).click();
    await page.getByTestId('booking-code').waitFor();
    expect(await page.getByTestId('booking-time').textContent()).toContain(time);
  });

  it('sends a submit retried after a lost answer with the same Idempotency-Key and shows the one booking (375 px)', async () => {
    const day = freeDays()[3];
    const time = (await freeTimes(day))[0];
    const page = await app.newPage({ viewport: phone });
    await page.goto(`${app.baseUrl}/book?service=${service}&office=${office}&date=${day}&time=${time}`);
    await fillDetails(page, '+7 912 111-22-33');
    const keys: string[] = [];
    let firstCode = '';
    // the first answer is lost on the way back: the server booked, the browser saw a network failure
    await page.route('**/api/bookings', async (route) => {
      keys.push(route.request().headers()['idempotency-key']);
      if (keys.length > 1) return route.continue();
      const response = await route.fetch();
      firstCode = ((await response.json()) as Booking).code;
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'Записаться', exact: true }).click();
    await page.getByText('Не удалось связаться с сервером. Попробуйте ещё раз.').waitFor();
    await page.getByRole('button', { name: 'Записаться', exact: true }).click();
    const code = page.getByTestId('booking-code');
    await code.waitFor();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect((await code.textContent())!.replace('-', '')).toBe(firstCode);

    // the confirmation and the booking's page fit the phone and pass axe, rescheduling open too
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'booking-done-phone');
    await page.getByTestId('manage-link').click();
    await page.getByRole('button', { name: 'Перенести' }).click();
    await page.getByTestId('reschedule').getByRole('grid').waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Оставить как есть' }).click();
    await page.getByRole('button', { name: 'Отменить запись' }).click();
    await page.getByTestId('cancel-confirm').waitFor();
    await expectNoSeriousA11yViolations(page);
  });

  it('lists the nearest offices first once the browser gives the location', async () => {
    // the person stands by the office listed last without a location
    const listed = (await app.api<{ offices: BookingOffice[] }>(`/api/bookings/offices?service=${service}`))
      .offices;
    const located = await app.api<OfficeSummary[]>('/api/offices');
    const far = [...listed]
      .reverse()
      .map((o) => located.find((l) => l.code === o.code))
      .find((o) => o?.lat != null && o.lon != null)!;
    expect(far.code).not.toBe(listed[0].code);
    const context = await app.browser.newContext({
      locale: 'ru-RU',
      timezoneId: 'Europe/Moscow',
      geolocation: { latitude: far.lat!, longitude: far.lon! },
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/book?service=${service}`);
    const cards = page.getByTestId('book-offices').locator('li');
    await cards.first().waitFor();
    expect(await cards.first().getAttribute('data-office')).toBe(listed[0].code);
    await page.getByRole('button', { name: 'Показать ближайшие' }).click();
    await page.getByText('Сначала офисы, ближайшие к вам.').waitFor();
    await expect.poll(() => cards.first().getAttribute('data-office')).toBe(far.code);
    expect(await cards.first().textContent()).toContain('0 км');
    await context.close();
  });

  it('walks the steps on a 375 px phone by keyboard, axe-clean, and speaks English after the switch', async () => {
    const page = await app.newPage({ viewport: phone });
    await page.goto(`${app.baseUrl}/book`);
    await page.getByRole('heading', { name: 'Выберите услугу', level: 2 }).waitFor();
    await page.getByLabel('Название услуги или слова из него').fill('ЕГРН');
    await page.getByRole('button', { name: 'Найти', exact: true }).click();
    await page.getByRole('link', { name: card.shortTitle || card.title, exact: true }).click();
    await page.getByRole('heading', { name: 'Выберите офис', level: 2 }).waitFor();
    await page.locator(`[data-office="${office}"]`).waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await page.locator(`[data-office="${office}"]`).getByRole('link').click();

    // the grid: one day in the tab order; the arrows move by a day and a week; Enter chooses
    await page.getByRole('heading', { name: 'Выберите день', level: 2 }).waitFor();
    await page.getByRole('grid').waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'booking-month-phone');
    const first = freeDays()[0];
    expect(await page.locator('.month-grid button[tabindex="0"]').getAttribute('data-date')).toBe(first);
    await dayButton(page, first).focus();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-date'));
    const next = (date: string, n: number) =>
      new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(next(first, 7));
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe(next(first, 6));
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe(next(first, -1));
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe(first);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Выберите время', level: 2 }).waitFor();
    expect(new URL(page.url()).searchParams.get('date')).toBe(first);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await expectNoSeriousA11yViolations(page);

    // «Назад» goes back a step
    await page.goBack();
    await page.getByRole('heading', { name: 'Выберите день', level: 2 }).waitFor();
    await page.goForward();
    await page.getByTestId('day-times').getByRole('button').first().click();
    await page.getByRole('heading', { name: 'Ваши данные', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Записаться', exact: true }).click();
    await page.getByText('Без согласия на обработку персональных данных записаться нельзя').waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'booking-form-phone');

    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByRole('heading', { name: 'Your details', level: 2 }).waitFor();
    await page.getByText('Booking needs your consent to the processing of personal data').waitFor();
    await page.getByRole('link', { name: 'Book', exact: true }).waitFor();

    await page.goto(`${app.baseUrl}/book/manage`);
    await page.locator('h1', { hasText: 'My booking' }).waitFor();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await expectNoSeriousA11yViolations(page);
  });
});
