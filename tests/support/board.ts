import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/server/db/client.js';
import { ticketNumber } from '../../src/server/modules/queue/queue.settings.js';
import {
  appendTicketEvent,
  findTicket,
  insertTicket,
  nextTicketSeq,
  updateTicket,
} from '../../src/server/modules/queue/tickets.repository.js';
import { publishQueue } from '../../src/server/modules/queue/tickets.service.js';
import {
  ensureWindowRow,
  lockOfficeQueue,
  nextBoardSeq,
  setWindowState,
} from '../../src/server/modules/queue/windows.repository.js';

/**
 * Tickets and calls written as the queue's services write them (the same repository functions, one
 * transaction, the `queue` notice at commit), for tests that need the board's data without the operator's
 * routes or an office open at the hour the test runs.
 */

export const newTrack = () => randomBytes(16).toString('base64url');

/** A waiting ticket (a consultation, or for a service of a category), announced as a `change`. */
export async function issueTicketDirect(
  database: Database,
  office: string,
  options: { letter?: string; service?: string; category?: string | null } = {},
) {
  const { letter = 'А', service, category = null } = options;
  return database.db.transaction(async (tx) => {
    const now = new Date().toISOString();
    const day = now.slice(0, 10);
    const seq = await nextTicketSeq(tx, office, day, letter);
    const ticket = await insertTicket(tx, {
      officeCode: office,
      day,
      letter,
      seq,
      track: newTrack(),
      purpose: service ? null : 'consult',
      serviceCode: service ?? null,
      categoryCode: service ? category : null,
      channel: 'staff',
      issuedAt: now,
      queuedAt: now,
    });
    await appendTicketEvent(tx, { ticketId: ticket.id, officeCode: office, kind: 'issued', at: now });
    await publishQueue(tx, office, 'change');
    return { id: ticket.id, track: ticket.track, number: ticketNumber(letter, seq) };
  });
}

/** Calls (or recalls) a ticket to a window: the board's next number under the office's row lock. */
export async function callTicketDirect(database: Database, ticketId: string, window: number, recall = false) {
  return database.db.transaction(async (tx) => {
    const ticket = await findTicket(tx, ticketId, true);
    if (!ticket) throw new Error(`no ticket ${ticketId}`);
    await lockOfficeQueue(tx, ticket.officeCode);
    const now = new Date().toISOString();
    await updateTicket(tx, ticket.id, {
      status: 'called',
      windowNumber: window,
      calls: ticket.calls + 1,
      calledAt: now,
    });
    const boardSeq = await nextBoardSeq(tx, ticket.officeCode);
    await appendTicketEvent(tx, {
      ticketId: ticket.id,
      officeCode: ticket.officeCode,
      kind: recall ? 'recalled' : 'called',
      at: now,
      windowNumber: window,
      boardSeq,
    });
    await publishQueue(tx, ticket.officeCode, 'call', boardSeq);
    return { seq: boardSeq, number: ticketNumber(ticket.letter, ticket.seq) };
  });
}

/** Issues a ticket and calls it at once. */
export async function issueAndCall(database: Database, office: string, window: number) {
  const ticket = await issueTicketDirect(database, office);
  const call = await callTicketDirect(database, ticket.id, window);
  return { ...ticket, ...call };
}

export type SseEvent = { id?: string; event: string; data: string };

/** A Server-Sent Events reader over fetch: the events so far, and a wait for the ones a test expects. */
export function readSse(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const events: SseEvent[] = [];
  let status = 0;
  let contentType = '';
  const waiters = new Set<() => void>();
  const done = (async () => {
    const response = await fetch(url, { headers, signal: controller.signal });
    status = response.status;
    contentType = response.headers.get('content-type') ?? '';
    const reader = response.body?.getReader();
    if (!reader) return;
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done: end } = await reader.read();
      if (end) return;
      buffer += decoder.decode(value, { stream: true });
      for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const e: SseEvent = { event: 'message', data: '' };
        let fields = 0;
        for (const line of block.split('\n')) {
          if (line.startsWith(':') || line === '') continue;
          const [name, ...rest] = line.split(':');
          const value = rest.join(':').replace(/^ /, '');
          if (name === 'id') e.id = value;
          else if (name === 'event') e.event = value;
          else if (name === 'data') e.data = e.data ? `${e.data}\n${value}` : value;
          else continue;
          fields++;
        }
        if (fields > 0 && (e.data !== '' || e.id !== undefined)) events.push(e);
      }
      for (const w of waiters) w();
    }
  })().catch((err: unknown) => {
    if (!(err instanceof Error && err.name === 'AbortError')) throw err;
  });
  const calls = () =>
    events
      .filter((e) => e.event === 'call')
      .map((e) => JSON.parse(e.data) as { seq: number; number: string; window: number; recall: boolean });
  return {
    events,
    calls,
    status: () => status,
    contentType: () => contentType,
    /** Waits until `ok()` holds (checked on every chunk), at most `ms`. */
    until(ok: () => boolean, ms = 10_000): Promise<void> {
      if (ok()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!ok()) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`SSE: condition not met in ${ms} ms; events: ${JSON.stringify(events)}`));
        }, ms);
        waiters.add(check);
      });
    },
    close() {
      controller.abort();
      return done;
    },
  };
}

/**
 * Makes an office take tickets at any hour of the test's run: open 00:00–23:59 every weekday, no dated
 * exception, no holiday near today, no closing margin. (Only the minute before midnight stays closed.)
 */
export async function openAllDay(database: Database, office: string): Promise<void> {
  await database.exec(`
    delete from office_hours where office_code = '${office}';
    insert into office_hours (office_code, weekday, opens, closes)
      select '${office}', d, '00:00', '23:59' from generate_series(1, 7) as d;
    delete from office_exceptions where office_code = '${office}';
    delete from calendar_days where date between current_date - 2 and current_date + 2 and kind <> 'working';
    update queue_settings set closing_margin_minutes = 0;
  `);
}

/** A window marked open by an operator (a staff user's id): the load counts it. */
export async function openWindowDirect(
  database: Database,
  office: string,
  number: number,
  operatorId: string,
): Promise<void> {
  await database.db.transaction(async (tx) => {
    await ensureWindowRow(tx, office, number);
    await setWindowState(tx, office, number, {
      status: 'open',
      operatorId,
      pauseReason: null,
      since: new Date().toISOString(),
    });
    await publishQueue(tx, office, 'change');
  });
}
