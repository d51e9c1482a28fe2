import { testConfig } from '../../src/server/config.js';
import { rows, sql } from '../../src/server/db/client.js';
import { issueTicket } from '../../src/server/modules/queue/tickets.service.js';
import type { Availability, Booking, DaySlots } from '../../src/shared/booking.js';
import type { CaseCreated } from '../../src/shared/cases.js';
import type { ServiceCard } from '../../src/shared/catalog.js';
import { staffClient } from '../support/admin.js';
import {
  type BrowserApp,
  expectNoSeriousA11yViolations,
  screenshot,
  startBrowserApp,
} from '../support/browser.js';
import { type GatewayProcess, startGatewayProcess } from '../support/gateways.js';
import { openSignedIn } from './admin-helpers.js';

/**
 * Issue 8's scenario at the call center, with issue 10's bookings and issue 11's cases: the operator finds a
 * caller by phone (their case and booking masked), verifies them by the code of that booking (then both show
 * in full), books them a visit to another service, and the confirmation e-mail reaches the SMTP server. Then the office head's
 * «Запись» tab lists a booking made through the API, masked.
 */
describe('booking at the call center and the office head’s «Запись»', { timeout: 180_000 }, () => {
  let app: BrowserApp;
  let gateways: GatewayProcess;
  const office = 'lip-kosmonavtov';
  beforeAll(async () => {
    gateways = await startGatewayProcess();
    app = await startBrowserApp({
      // Tuesday noon in Lipetsk, whatever the hour of the run
      clock: () => new Date('2026-12-01T09:00:00Z'),
      config: {
        notifications: {
          ...testConfig().notifications,
          worker: true,
          pollMs: 200,
          smsGatewayUrl: gateways.smsUrl,
          smtpUrl: gateways.smtpUrl,
        },
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    await gateways?.stop();
  });

  /** The first free time of a service at the office, from the public API. */
  async function firstFree(service: string) {
    const availability = await app.api<Availability>(
      `/api/offices/${office}/availability?service=${service}`,
    );
    const day = availability.days.find((d) => d.free > 0);
    if (!day) throw new Error(`no free day for ${service}`);
    const slots = await app.api<DaySlots>(`/api/offices/${office}/slots?service=${service}&date=${day.date}`);
    const slot = slots.slots.find((s) => s.free > 0);
    if (!slot) throw new Error(`no free time for ${service} on ${day.date}`);
    return { date: day.date, start: slot.start };
  }

  /** A booking made by the citizen on the portal (the public API, no session). */
  async function bookThroughApi(body: { service: string; name: string; phone: string; email?: string }) {
    const { start, date } = await firstFree(body.service);
    const res = await app.app.inject({
      method: 'POST',
      url: '/api/bookings',
      headers: { 'idempotency-key': `test-${body.phone}-${body.service}` },
      payload: { office, start, consents: { personalData: true }, ...body },
    });
    expect(res.statusCode).toBe(201);
    const booking = res.json() as Booking;
    // the code bare (XXXXXXXX) and as printed (XXXX-XXXX)
    const plain = booking.code.replace('-', '');
    return { booking, date, plain, printed: `${plain.slice(0, 4)}-${plain.slice(4)}` };
  }

  it('finds a caller’s case and booking by phone, verifies them by their booking’s code, books a visit, and the confirmation e-mail arrives', async () => {
    const earlier = await bookThroughApi({
      service: 'egrn-extract',
      name: 'Ольга Смирнова',
      phone: '+79123450702',
    });
    // the caller's application, accepted at the window last week
    const backoffice = await staffClient(app.app, app.database, [
      { role: 'backoffice', scope: { kind: 'offices', offices: [office] } },
    ]);
    const accepted = await backoffice.call({
      method: 'POST',
      url: '/api/cases',
      payload: {
        office,
        service: 'egrn-extract',
        applicant: { kind: 'person', lastName: 'Смирнова', firstName: 'Ольга', phone: '+79123450702' },
        documents: [{ name: 'Заявление', form: 'original', pages: 1 }],
      },
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const theCase = accepted.json() as CaseCreated;
    const card = await app.api<ServiceCard>('/api/services/passport-rf-replace');
    const title = card.shortTitle || card.title;

    const page = await openSignedIn(app, '/callcenter', 'callcenter');
    await page.getByRole('heading', { name: 'Колл-центр', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Начать звонок' }).click();
    await page.getByTestId('call-timer').waitFor();

    const caller = page.getByTestId('caller-panel');
    await caller.getByLabel('Телефон абонента').fill('8 (912) 345-07-02');
    await caller.getByRole('button', { name: 'Найти' }).click();
    const bookings = caller.getByTestId('caller-bookings');
    const row = bookings.getByTestId('caller-booking').first();
    await row.getByText(/\+7 \*\*\* \*\*\*-\*\*-02/).waitFor();
    // masked: neither the surname, nor the number, nor the code the caller will be asked for
    expect(await caller.textContent()).not.toContain('Смирнова');
    expect(await caller.textContent()).not.toContain('9123450702');
    expect(await caller.textContent()).not.toContain(earlier.plain.slice(0, 4));
    expect(await row.getByTestId('caller-booking-code').textContent()).toBe(
      `****-**${earlier.plain.slice(-2)}`,
    );
    // the caller's case, masked: the number but its last four digits, the stage
    const caseRow = caller.getByTestId('caller-cases').getByTestId('caller-case').first();
    expect(await caseRow.getByTestId('caller-case-number').textContent()).toBe(
      `№ 48-2026-•••${theCase.number.slice(-4)}`,
    );
    expect(await caller.textContent()).not.toContain(theCase.number);

    // a wrong code is refused by the server; the right one (as the caller says it) verifies
    await caller.getByLabel('Контрольный вопрос', { exact: true }).selectOption('booking_code');
    const told = caller.getByLabel('Код записи, названный звонящим');
    await told.fill('ACEF-HJKM');
    const answered = caller.getByLabel('Абонент ответил на контрольный вопрос');
    // a click, not check(): the box ticks and, once the server refuses, unticks again
    await answered.click();
    await caller.getByText('Такого кода нет среди записей этого номера.').first().waitFor();
    await expect.poll(() => answered.isChecked()).toBe(false);
    await told.fill(earlier.plain.toLowerCase());
    await answered.check();
    await expect.poll(() => answered.isChecked()).toBe(true);
    await bookings.getByTestId('bookings-full').waitFor();
    await row.getByText('Ольга Смирнова · +79123450702').waitFor();
    await caseRow.getByTestId('caller-case-number').getByText(`№ ${theCase.number}`).waitFor();
    await row
      .getByTestId('caller-booking-code')
      .getByText(`${earlier.plain.slice(0, 4)}-${earlier.booking.code.slice(4)}`)
      .waitFor();

    // the service from the catalog panel, then an office of the caller's district and its first free time
    const catalog = page.getByTestId('catalog-panel');
    await catalog.getByLabel('Услуга').fill('паспорт');
    await catalog.getByRole('button', { name: 'Найти' }).click();
    await catalog.getByRole('button', { name: title, exact: true }).click();
    const book = caller.getByTestId('book-for-caller');
    await book.getByRole('button', { name: `Записать: ${title}` }).click();
    await book.getByLabel('Район заявителя').selectOption({ label: 'городской округ город Липецк' });
    const offices = book.getByTestId('booking-offices');
    const kosmonavtov = offices.locator('li', { hasText: 'Космонавтов' });
    await kosmonavtov.getByText(/^Ближайшее свободное: /).waitFor();
    await kosmonavtov.getByRole('button', { name: /^Выбрать: / }).click();

    const form = book.getByTestId('booking-form');
    await form.getByTestId('free-days').getByRole('button').first().waitFor();
    const time = form.getByTestId('free-times').getByRole('button').first();
    const timeText = (await time.textContent()) ?? '';
    await time.click();
    await form.getByTestId('picked-time').getByText(new RegExp(timeText)).waitFor();
    expect(await form.getByLabel('Мобильный телефон').inputValue()).toBe('8 (912) 345-07-02');
    await form.getByLabel('Имя заявителя').fill('Ольга Смирнова');
    await form.getByLabel('Электронная почта (необязательно)').fill('olga@example.ru');
    // without the consent nothing is sent
    await form.getByRole('button', { name: 'Записать', exact: true }).click();
    await form.getByText('Без согласия на обработку персональных данных записать нельзя.').waitFor();
    await form.getByLabel('Заявитель согласен на обработку персональных данных').check();
    await expectNoSeriousA11yViolations(page);
    await form.getByRole('button', { name: 'Записать', exact: true }).click();

    const done = book.getByTestId('booking-done');
    await done.getByText('Запись создана. Сообщите заявителю код записи.').waitFor();
    const code = ((await done.getByTestId('booking-code').textContent()) ?? '').replace('-', '');
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    expect(await done.getByTestId('booking-slip').getAttribute('href')).toContain(
      `/api/bookings/${code}/slip.pdf`,
    );

    // booked by the call center, as the signed-in operator
    const [made] = await rows<{ channel: string; login: string; service_code: string }>(
      app.database.db,
      sql`select b.channel, u.login, b.service_code from bookings b join users u on u.id = b.created_by
        where b.code = ${code}`,
    );
    expect(made).toEqual({ channel: 'callcenter', login: 'callcenter', service_code: 'passport-rf-replace' });

    // the confirmation e-mail leaves okno through the outbox and reaches the SMTP server
    const mail = await gateways.waitFor(
      (m) => m.channel === 'email' && m.to === 'olga@example.ru' && m.text.includes(code.slice(0, 4)),
      20_000,
    );
    expect(mail.subject ?? '').not.toBe('');
    const [message] = await rows<{ event: string }>(
      app.database.db,
      sql`select event from outbox_messages where subject_ref in (${code}, ${`${code.slice(0, 4)}-${code.slice(4)}`}) and channel = 'email'`,
    );
    expect(message.event).toBe('booking.confirmed');

    // the new booking is in the caller's list at once, in full; the call's outcome is «Запись»
    await bookings.getByTestId('caller-booking').filter({ hasText: title }).first().waitFor();
    expect(await page.getByTestId('call-panel').getByLabel('Итог звонка').inputValue()).toBe('booking');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'callcenter-booking');

    // the earlier booking moved to another free time in one step, then cancelled
    const before = earlier.booking.start;
    const earlierRow = bookings.getByTestId('caller-booking').filter({ hasText: earlier.printed });
    await earlierRow.getByRole('button', { name: 'Перенести' }).click();
    const other = earlierRow.getByTestId('free-times').getByRole('button').nth(1);
    await other.click();
    await earlierRow.getByRole('button', { name: /^Перенести на / }).click();
    await earlierRow.getByText('Запись перенесена.').waitFor();
    const [moved] = await rows<{ starts_at: string; status: string }>(
      app.database.db,
      sql`select starts_at::text, status from bookings where code = ${earlier.plain}`,
    );
    expect(moved.status).toBe('booked');
    expect(Date.parse(moved.starts_at)).not.toBe(Date.parse(before));
    await earlierRow.getByRole('button', { name: 'Отменить' }).click();
    await earlierRow.getByRole('button', { name: 'Да, отменить' }).click();
    await earlierRow.getByText('Запись отменена.').waitFor();
    await expect.poll(() => earlierRow.getByTestId('caller-booking-status').textContent()).toBe('Отменена');
    expect(await earlierRow.getByRole('button', { name: 'Перенести' }).count()).toBe(0);
    // cancelled by staff, not by the person
    expect(
      await rows(
        app.database.db,
        sql`select status, cancel_reason from bookings where code = ${earlier.plain}`,
      ),
    ).toEqual([{ status: 'cancelled', cancel_reason: 'staff' }]);

    await page.getByTestId('call-panel').getByRole('button', { name: 'Завершить звонок' }).click();
    await page.getByTestId('call-panel').getByText('Звонок завершён.').waitFor();
    const [call] = await rows<{ outcome: string }>(
      app.database.db,
      sql`select outcome from calls where operator_login = 'callcenter' order by started_at desc limit 1`,
    );
    expect(call.outcome).toBe('booking');
  });

  it('shows the office head a booking made through the API on the «Запись» tab, masked, with the report', async () => {
    const { date, printed } = await bookThroughApi({
      service: 'egrn-extract',
      name: 'Пётр Иванов',
      phone: '+79123450703',
    });
    const page = await openSignedIn(app, `/office/${office}`, 'office_head');
    await page
      .getByRole('navigation', { name: 'Разделы офиса' })
      .getByRole('link', { name: 'Запись' })
      .click();
    await page.waitForURL((url) => url.pathname === `/office/${office}/bookings`);
    const tab = page.getByTestId('office-bookings');
    await tab.getByLabel('День', { exact: true }).fill(date);
    const table = tab.getByTestId('office-day-bookings');
    const line = table.getByRole('row', { name: /\+7 \*\*\* \*\*\*-\*\*-03/ });
    await line.getByText(/И\*\*\*/).waitFor();
    await line.getByText('Записан').waitFor();
    await line.getByText('Портал').waitFor();
    await line.getByText(printed).waitFor();
    expect(await tab.textContent()).not.toContain('Иванов');
    expect(await tab.textContent()).not.toContain('9123450703');

    const report = tab.getByTestId('booking-report');
    await report.waitFor();
    await tab.getByLabel('По', { exact: true }).fill(date);
    // the period now ends on the booking's day: the portal's count includes it
    const portal = tab.getByTestId('report-channels').getByRole('row', { name: /Портал/ });
    await expect
      .poll(async () => Number(await portal.locator('td').first().textContent()))
      .toBeGreaterThan(0);
    // the shares read as Russian percentages («100 %», with a non-breaking space) or a dash
    const noShow = (await tab.getByTestId('report-no-show').textContent()) ?? '';
    expect(noShow).toMatch(/^(—|\d+(,\d)?\s%)$/);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'office-bookings');
  });

  it('books the next visit at the operator’s window: the ticket’s service, this office, the code to tell and the slip', async () => {
    const page = await openSignedIn(app, '/operator', 'operator');
    const picker = page.getByTestId('window-picker');
    await picker.getByRole('button', { name: 'Открыть: Окно 1', exact: true }).click();
    const current = page.getByTestId('current-ticket');
    await current.getByText('Талона у окна нет').waitFor();
    const [operator] = await rows<{ id: string }>(
      app.database.db,
      sql`select id from users where login = 'operator'`,
    );
    await issueTicket(
      {
        db: app.database.db,
        cipher: app.app.personalData,
        outbox: () => app.app.outbox.deps(),
        now: new Date('2026-12-01T09:00:00Z'),
      },
      office,
      { service: 'egrn-extract' },
      { kind: 'staff', userId: operator.id },
    );
    await current.getByRole('button', { name: 'Вызвать следующего' }).click();
    await current.getByTestId('current-number').waitFor();

    await current.getByRole('button', { name: 'Записать на следующий визит' }).click();
    const visit = current.getByTestId('next-visit');
    expect(await visit.getByLabel('Услуга', { exact: true }).inputValue()).toBe('egrn-extract');
    const form = visit.getByTestId('booking-form');
    await form.getByTestId('free-times').getByRole('button').first().click();
    await form.getByLabel('Имя заявителя').fill('Семён Кузнецов');
    await form.getByLabel('Мобильный телефон').fill('8 912 345-07-04');
    await form.getByLabel('Заявитель согласен на обработку персональных данных').check();
    await expectNoSeriousA11yViolations(page);
    await form.getByRole('button', { name: 'Записать', exact: true }).click();
    const done = visit.getByTestId('booking-done');
    const code = ((await done.getByTestId('booking-code').textContent()) ?? '').replace('-', '');
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    const slip = (await done.getByTestId('booking-slip').getAttribute('href')) ?? '';
    expect(slip).toContain(`/api/bookings/${code}/slip.pdf`);
    // the slip is the holder's (code and the phone typed, in the booking's own normal form)
    expect(new URL(slip, app.baseUrl).searchParams.get('phone')).toBe('8 912 345-07-04');
    const pdf = await app.app.inject({ method: 'GET', url: slip });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');

    const [made] = await rows<{ channel: string; login: string; office_code: string; service_code: string }>(
      app.database.db,
      sql`select b.channel, u.login, b.office_code, b.service_code from bookings b
        join users u on u.id = b.created_by where b.code = ${code}`,
    );
    expect(made).toEqual({
      channel: 'operator',
      login: 'operator',
      office_code: office,
      service_code: 'egrn-extract',
    });
    await screenshot(page, 'operator-next-visit');
  });
});
