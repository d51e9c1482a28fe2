import type { Page } from 'playwright-core';
import { setOfficeMessage } from '../../src/server/modules/queue/windows.repository.js';
import type { ServiceCard, ServicesPage } from '../../src/shared/catalog.js';
import type { OfficeDetail } from '../../src/shared/network.js';
import type { BoardState, IssuedTicket } from '../../src/shared/queue.js';
import { clipWords, spokenCall } from '../../src/shared/queue.speech.js';
import { createStaffUser, signIn } from '../support/auth.js';
import { issueAndCall, issueTicketDirect, openAllDay, openWindowDirect } from '../support/board.js';
import {
  type BrowserApp,
  expectNoSeriousA11yViolations,
  hasNoHorizontalScroll,
  phone,
  screenshot,
  startBrowserApp,
} from '../support/browser.js';
import { buildOffice } from '../support/factories.js';

const tv = { width: 1920, height: 1080 };
const office = 'lip-kosmonavtov';

/**
 * The page's speech synthesis replaced by a recorder with a Russian voice: each utterance "speaks" for
 * 400 ms, then fires onend; one spoken over another, or a cancel, is counted (none may happen).
 */
const fakeSpeech = () => {
  const w = window as unknown as Record<string, unknown>;
  const spoken: string[] = [];
  let speaking = false;
  const record = { spoken, overlaps: 0, cancels: 0 };
  w.__speech = record;
  class FakeUtterance {
    text: string;
    lang = '';
    voice: unknown = null;
    rate = 1;
    onend: ((e: Event) => void) | null = null;
    onerror: ((e: Event) => void) | null = null;
    constructor(text: string) {
      this.text = text;
    }
  }
  w.SpeechSynthesisUtterance = FakeUtterance;
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    value: {
      getVoices: () => [
        { lang: 'ru-RU', name: 'Тестовый голос', default: true, localService: true, voiceURI: 'test' },
      ],
      speak(u: FakeUtterance) {
        if (speaking) record.overlaps++;
        speaking = true;
        spoken.push(u.text);
        setTimeout(() => {
          speaking = false;
          u.onend?.(new Event('end'));
        }, 400);
      },
      cancel() {
        record.cancels++;
      },
      pause() {},
      resume() {},
      addEventListener() {},
      removeEventListener() {},
      speaking: false,
      pending: false,
    },
  });
};

type Speech = { spoken: string[]; overlaps: number; cancels: number };
const speech = (page: Page) => page.evaluate(() => (window as unknown as { __speech: Speech }).__speech);
const announcements = (page: Page) =>
  page.evaluate(() => window.__oknoAnnouncements ?? { queued: [], started: [], ended: [] });

describe('the queue board, the ticket page and the office load', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  const openBoard = async (code = office) => {
    const page = await app.newPage({ viewport: tv });
    await page.addInitScript(fakeSpeech);
    await page.goto(`${app.baseUrl}/board/${code}`);
    await page.locator('.board-office').waitFor();
    return page;
  };

  it('follows a ticket from its issue to the window on the board, the ticket page and the portal at once', async () => {
    // An office of its own, open at any hour, with an operator of its own: nothing else waits there.
    const code = await buildOffice(app.database.db, {
      name: 'МФЦ для теста табло',
      windows: [1, 2, 3, 4].map((n) => ({
        number: n,
        label: `Окно ${n}`,
        serviceCodes: [],
        categoryCodes: [],
      })),
    });
    await openAllDay(app.database, code);
    const operator = await createStaffUser(app.database, {
      fullName: 'Оператор Тестового Окна',
      grants: [{ role: 'operator', scope: { kind: 'offices', offices: [code] } }],
    });
    const staff = await signIn(app.app, operator.login, operator.password);
    const post = async (url: string, payload: object = {}) => {
      const res = await app.app.inject({ method: 'POST', url, headers: staff.headers, payload });
      if (res.statusCode >= 300) throw new Error(`POST ${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };

    const board = await openBoard(code);
    await board.getByRole('button', { name: 'Включить звук' }).click();
    const issued = (await post(`/api/offices/${code}/tickets`, { purpose: 'consult' })) as IssuedTicket;

    const ticket = await app.newPage({ viewport: phone });
    await ticket.addInitScript(() => {
      const w = window as unknown as { __vibrations: unknown[] };
      w.__vibrations = [];
      Object.defineProperty(navigator, 'vibrate', {
        configurable: true,
        value: (pattern: unknown) => {
          w.__vibrations.push(pattern);
          return true;
        },
      });
    });
    await ticket.goto(`${app.baseUrl}/t/${issued.track}`);
    await ticket.getByRole('heading', { name: `Талон ${issued.number}` }).waitFor();
    await ticket.getByText('Ожидает вызова').waitFor();
    await ticket.getByText('Вы следующий').waitFor();
    expect(await hasNoHorizontalScroll(ticket)).toBe(true);
    await expectNoSeriousA11yViolations(ticket);

    const portal = await app.newPage();
    await portal.goto(`${app.baseUrl}/offices/${code}`);
    const load = portal.getByRole('region', { name: 'Очередь сейчас' });
    await load.waitFor();
    expect(await load.locator('.load-waiting').textContent()).toBe('1');
    await board.locator('.board-waiting[data-waiting="1"]').waitFor();

    await post(`/api/offices/${code}/windows/4/open`);
    const called = (await post(`/api/offices/${code}/windows/4/call-next`)) as { ticket: { number: string } };
    expect(called.ticket.number).toBe(issued.number);

    await board.locator('.board-call', { hasText: issued.number }).waitFor();
    expect((await board.locator('.board-call').textContent())?.replace(/\s+/g, ' ')).toContain(
      `${issued.number} → окно 4`,
    );
    const text = spokenCall(issued.number, 4);
    await expect.poll(async () => (await announcements(board)).ended, { timeout: 5000 }).toEqual([text]);
    expect((await speech(board)).spoken).toEqual([text]);
    await expectNoSeriousA11yViolations(board);

    await ticket.getByText('Пройдите к окну 4').waitFor();
    expect(
      await ticket.evaluate(() => (window as unknown as { __vibrations: unknown[] }).__vibrations.length),
    ).toBe(1);
    expect(await hasNoHorizontalScroll(ticket)).toBe(true);
    await expectNoSeriousA11yViolations(ticket);
    await screenshot(ticket, 'queue-ticket-called');

    // A recall: the board says it again (marked), the phone rings again; then served, then done.
    const id = (called.ticket as unknown as { id: string }).id;
    await new Promise((r) => setTimeout(r, 2100));
    await post(`/api/tickets/${id}/recall`);
    await board.locator('.board-recall').waitFor();
    await expect
      .poll(async () => (await announcements(board)).ended, { timeout: 5000 })
      .toEqual([text, text]);
    await expect
      .poll(() =>
        ticket.evaluate(() => (window as unknown as { __vibrations: unknown[] }).__vibrations.length),
      )
      .toBe(2);
    await post(`/api/tickets/${id}/start`);
    await ticket.getByText('Вас обслуживают · окно 4').waitFor();
    await post(`/api/tickets/${id}/finish`, { outcome: 'consultation_given' });
    await ticket.getByText('Обслуживание завершено').waitFor();

    // A postponed ticket says until when, in the office's time.
    const later = (await post(`/api/offices/${code}/tickets`, { purpose: 'consult' })) as IssuedTicket;
    const next = (await post(`/api/offices/${code}/windows/4/call-next`)) as { ticket: { id: string } };
    const postponed = (await post(`/api/tickets/${next.ticket.id}/postpone`, { minutes: 10 })) as {
      dueAt: string;
    };
    const until = new Intl.DateTimeFormat('ru-RU', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: later.office.timeZone,
    }).format(new Date(postponed.dueAt));
    await ticket.goto(`${app.baseUrl}/t/${later.track}`);
    await ticket.getByText(`Талон отложен до ${until}`).waitFor();
    await expectNoSeriousA11yViolations(ticket);

    for (const page of [board, ticket, portal]) await page.context().close();
  });

  it('shows each call large, lists the latest and speaks two quick calls one after the other', async () => {
    const board = await openBoard();
    await board.getByRole('button', { name: 'Включить звук' }).click();
    await board.getByText('Звук включён').waitFor();
    const first = await issueAndCall(app.database, office, 5);
    const second = await issueAndCall(app.database, office, 7);
    const now = board.locator('.board-call');
    await now.filter({ hasText: second.number }).waitFor();
    expect((await now.textContent())?.replace(/\s+/g, ' ')).toContain(`${second.number} → окно 7`);
    await board.locator('.board-list li', { hasText: first.number }).waitFor();
    expect(await board.locator('.board-list li').first().textContent()).toContain('окно 5');
    const texts = [spokenCall(first.number, 5), spokenCall(second.number, 7)];
    await expect.poll(async () => (await announcements(board)).ended, { timeout: 5000 }).toEqual(texts);
    const recorded = await speech(board);
    expect(recorded.spoken).toEqual(texts);
    expect(recorded.overlaps).toBe(0);
    expect(recorded.cancels).toBe(0);
    await screenshot(board, 'queue-board');
    await expectNoSeriousA11yViolations(board);
    await board.context().close();
  });

  it('counts the people waiting live and reads out nothing before the sound is on', async () => {
    const board = await openBoard();
    const state = await app.api<BoardState>(`/api/offices/${office}/board`);
    await board.locator(`.board-waiting[data-waiting="${state.waiting}"]`).waitFor();
    await issueTicketDirect(app.database, office);
    await board.locator(`.board-waiting[data-waiting="${state.waiting + 1}"]`).waitFor();
    const call = await issueAndCall(app.database, office, 2);
    await board.locator('.board-call', { hasText: call.number }).waitFor();
    expect((await announcements(board)).queued).toEqual([]);
    await board.context().close();
  });

  it("shows the office's message line", async () => {
    const code = await buildOffice(app.database.db, { name: 'МФЦ с объявлением' });
    await setOfficeMessage(app.database.db, code, 'Сегодня приём до 16:00');
    const board = await openBoard(code);
    await board.locator('.board-message', { hasText: 'Сегодня приём до 16:00' }).waitFor();
    await board.getByText('Вызовов пока нет').waitFor();
    await expectNoSeriousA11yViolations(board);
    await board.context().close();
  });

  it('catches up after a reload: the board shows the calls made meanwhile', async () => {
    const board = await openBoard();
    await board.close();
    const missed = await issueAndCall(app.database, office, 9);
    const page = await board.context().newPage();
    await page.goto(`${app.baseUrl}/board/${office}`);
    await page.locator('.board-call', { hasText: missed.number }).waitFor();
    await page.context().close();
  });

  it('plays the prerecorded clips word by word when the browser has no Russian voice', async () => {
    const page = await app.newPage({ viewport: tv });
    // A browser with voices, none of them Russian.
    await page.addInitScript(() => {
      Object.defineProperty(window, 'speechSynthesis', {
        configurable: true,
        value: { getVoices: () => [{ lang: 'en-US', name: 'English' }], speak() {}, cancel() {} },
      });
    });
    const clips: string[] = [];
    page.on('response', (response) => {
      const path = decodeURIComponent(new URL(response.url()).pathname);
      // media is fetched by ranges: 206 is as good as 200
      if (path.startsWith('/voice/ru/')) clips.push(`${path.slice('/voice/ru/'.length)} ${response.ok()}`);
    });
    await page.goto(`${app.baseUrl}/board/${office}`);
    await page.getByRole('button', { name: 'Включить звук' }).click();
    const call = await issueAndCall(app.database, office, 3);
    const words = clipWords(call.number, 3);
    await expect.poll(async () => (await announcements(page)).ended.length, { timeout: 15_000 }).toBe(1);
    expect(clips).toEqual(words.map((w) => `${w}.ogg true`));
    await page.context().close();
  });

  it("names, on a service's page, the office nearby where the wait for it is shorter", async () => {
    const page1 = await app.api<ServicesPage>('/api/services?limit=50');
    let chosen: { service: ServiceCard; busy: string; quiet: string } | undefined;
    for (const item of page1.items) {
      const card = await app.api<ServiceCard>(`/api/services/${item.code}`);
      const byDistrict = Map.groupBy(card.offices, (o) => o.district.code);
      const pair = [...byDistrict.values()].find((offices) => offices.length >= 2);
      if (pair) {
        chosen = { service: card, busy: pair[0].code, quiet: pair[1].code };
        break;
      }
    }
    if (!chosen) throw new Error('the demo region has no service offered by two offices of one district');
    const { service, busy, quiet } = chosen;
    const category = service.category?.code ?? null;
    // One window open at each office, one that takes this service.
    for (const code of [busy, quiet]) {
      const { windows } = await app.api<OfficeDetail>(`/api/offices/${code}`);
      const window = windows.find(
        (w) =>
          (w.serviceCodes.length === 0 && w.categoryCodes.length === 0) ||
          w.serviceCodes.includes(service.code) ||
          (category !== null && w.categoryCodes.includes(category)),
      );
      if (!window) throw new Error(`no window of ${code} takes ${service.code}`);
      const operator = await createStaffUser(app.database, {
        grants: [{ role: 'operator', scope: { kind: 'offices', offices: [code] } }],
      });
      await openWindowDirect(app.database, code, window.number, operator.id);
    }
    for (let i = 0; i < 4; i++)
      await issueTicketDirect(app.database, busy, { service: service.code, category });

    const page = await app.newPage();
    await page.goto(`${app.baseUrl}/services/${service.code}`);
    const line = page.locator(`[data-shorter-than="${busy}"]`);
    await line.waitFor();
    const quietName = service.offices.find((o) => o.code === quiet)?.name as string;
    expect(await line.textContent()).toContain(`Ждать меньше можно здесь: ${quietName}`);
    expect(await line.locator('.load-band').getAttribute('data-band')).toBe('under10');
    expect(await page.locator(`[data-office-load="${busy}"]`).textContent()).toContain('В очереди: 4');
    await expectNoSeriousA11yViolations(page);
    await page.context().close();
  });

  it('says so for an office that does not exist', async () => {
    const page = await app.newPage({ viewport: tv });
    const response = await page.goto(`${app.baseUrl}/board/no-such-office`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { name: 'Такого офиса нет' }).waitFor();
    await page.context().close();
  });
});
