import { randomBytes, randomUUID } from 'node:crypto';
import { toMinutes } from '../../../shared/office-hours.js';
import type { IssuedTicket, PublicTicket, TicketCreate } from '../../../shared/queue.js';
import type { Db } from '../../db/client.js';
import { publishLive } from '../../db/live-hub.js';
import { AppError, invalidField, notFound } from '../../errors.js';
import { keptContact } from '../../privacy/contacts.js';
import type { PersonalDataCipher } from '../../privacy/personal-data.js';
import { serviceForTicket, serviceTitles } from '../catalog/services.lookup.js';
import { type OfficeNow, officeOffers, officesNow } from '../network/network.service.js';
import type { OutboxDeps } from '../notifications/outbox.enqueue.js';
import { visitRatingToken } from '../quality/rating-token.js';
import { configuredWindows, queueView, toCandidate } from './queue.context.js';
import { type Names, toPublicTicket } from './queue.mappers.js';
import type { TicketRow } from './queue.schema.js';
import { activePriorities, queueSettingsOf, ticketLetter } from './queue.settings.js';
import { placeInQueue } from './queue.view.js';
import {
  appendTicketEvent,
  findTicket,
  findTicketByTrack,
  insertTicket,
  nextTicketSeq,
  waitingTickets,
} from './tickets.repository.js';
import { windowStatesOf } from './windows.repository.js';

/** Taking a ticket (at a kiosk or from staff) and a ticket as its holder sees it. */

export type QueueDeps = { db: Db; cipher: PersonalDataCipher; outbox: () => OutboxDeps; now: Date };
export type Issuer = { kind: 'kiosk'; kioskId: string } | { kind: 'staff'; userId: string };

/** The live channel of the queue: `{ o: office, k: 'call' | 'change', s?: board seq }`, at commit. */
export const queueChannel = 'queue';
export const publishQueue = (tx: Db, office: string, kind: 'call' | 'change', seq?: number) =>
  publishLive(
    tx,
    queueChannel,
    JSON.stringify(seq === undefined ? { o: office, k: kind } : { o: office, k: kind, s: seq }),
  );

/** An office that can take a ticket now, or the refusal that says why not. */
export async function officeTakingTickets(
  db: Db,
  code: string,
  now: Date,
  marginMinutes: number,
): Promise<OfficeNow> {
  const [office] = await officesNow(db, now, [code]);
  if (!office) throw notFound(`office ${code}`);
  const refuse = (reason: string, message: string) =>
    new AppError('OFFICE_CLOSED', message, {
      reason,
      opens: office.today.opens,
      closesAt: office.today.closes,
    });
  if (office.status === 'closed') throw refuse('closed', 'the office is closed');
  if ((await configuredWindows(db, code)).length === 0)
    throw refuse('no_windows', 'the office has no windows');
  if (!office.openNow) throw refuse('not_open_now', 'the office is not open now');
  const closes = office.today.closes as string;
  if (toMinutes(closes) - toMinutes(office.local.time) <= marginMinutes) {
    throw refuse('closing_soon', `the office closes at ${closes}: no new tickets`);
  }
  return office;
}

/** The titles a ticket DTO shows. */
export async function namesFor(db: Db, tickets: readonly Pick<TicketRow, 'serviceCode'>[]): Promise<Names> {
  const codes = [...new Set(tickets.map((t) => t.serviceCode).filter((c): c is string => c !== null))];
  const [titles, priorities] = await Promise.all([serviceTitles(db, codes), activePriorities(db)]);
  return {
    services: new Map(titles.map((s) => [s.code, s.title])),
    priorities: new Map(priorities.map((p) => [p.code, p.title])),
  };
}

/**
 * Issues a ticket at an office: refused when the office is closed, not open now or closing within the
 * margin, or does not offer the service. The number restarts each day per office and letter; the ticket,
 * its first event and the wake-up of the boards commit together.
 */
export async function issueTicket(
  deps: QueueDeps,
  officeCode: string,
  input: TicketCreate,
  issuer: Issuer,
  /** A booked visitor checking in: called at the booked time ahead of walk-ins (null: came late, an ordinary place). */
  booked?: { bookingId: string; bookedFor: string | null },
): Promise<IssuedTicket> {
  const { db, now } = deps;
  const settings = await queueSettingsOf(db);
  const office = await officeTakingTickets(db, officeCode, now, settings.closingMarginMinutes);
  const service = input.service ? await serviceForTicket(db, input.service) : undefined;
  if (input.service && (!service || !(await officeOffers(db, office, input.service)))) {
    throw new AppError('SERVICE_NOT_OFFERED', `the office does not offer service ${input.service}`, {
      service: input.service,
    });
  }
  const priorities = await activePriorities(db);
  const priority = input.priority ? priorities.find((p) => p.code === input.priority) : undefined;
  if (input.priority && !priority)
    throw invalidField('priority', `unknown priority category ${input.priority}`);
  const phone = input.phone ? keptContact(deps.cipher, 'phone', input.phone) : null;

  const categoryCode = service?.category ?? null;
  const purpose = input.purpose ?? null;
  const letter = ticketLetter(settings.letters, { categoryCode, purpose });
  const at = now.toISOString();
  const id = randomUUID();
  const row = await db.transaction(async (tx) => {
    // one statement at a time: a transaction is one connection (pg refuses queries sent on top of each other)
    const seq = await nextTicketSeq(tx, office.code, office.local.date, letter);
    const waiting = await waitingTickets(tx, office.code);
    const states = await windowStatesOf(tx, office.code);
    const view = await queueView(tx, {
      officeCode: office.code,
      waiting,
      states,
      settings,
      now,
      cacheKey: db,
    });
    const place = placeInQueue(view, {
      id,
      serviceCode: service?.code ?? null,
      categoryCode,
      priorityRank: priority?.rank ?? 0,
      queuedAt: now.getTime(),
      issuedAt: now.getTime(),
      dueAt: null,
      bookedFor: booked?.bookedFor ? Date.parse(booked.bookedFor) : null,
      targetWindow: null,
    });
    const issued = await insertTicket(tx, {
      id,
      officeCode: office.code,
      day: office.local.date,
      letter,
      seq,
      track: randomBytes(16).toString('base64url'),
      serviceCode: service?.code ?? null,
      categoryCode,
      purpose,
      priorityCode: priority?.code ?? null,
      priorityRank: priority?.rank ?? 0,
      phone: phone ? deps.cipher.seal(phone.normalized) : null,
      phoneHash: phone?.hash ?? null,
      locale: input.locale ?? 'ru',
      channel: booked ? 'booking' : issuer.kind,
      bookedFor: booked?.bookedFor ?? null,
      bookingId: booked?.bookingId ?? null,
      kioskId: issuer.kind === 'kiosk' ? issuer.kioskId : null,
      issuedBy: issuer.kind === 'staff' ? issuer.userId : null,
      issuedAt: at,
      queuedAt: at,
      estimatedWaitMinutes: place.estimatedWaitMinutes,
      // someone near the front when the ticket is taken needs no "your turn is near" message
      turnNearSent: place.position <= settings.turnNearAhead,
    });
    await appendTicketEvent(tx, {
      ticketId: id,
      officeCode: office.code,
      kind: 'issued',
      at,
      operatorId: issuer.kind === 'staff' ? issuer.userId : null,
      details: {
        channel: issuer.kind,
        ...(issuer.kind === 'kiosk' ? { kiosk: issuer.kioskId } : {}),
        ...(booked ? { booking: booked.bookingId } : {}),
      },
    });
    await publishQueue(tx, office.code, 'change');
    return { issued, place };
  });
  const names = await namesFor(db, [row.issued]);
  return {
    ...toPublicTicket(row.issued, {
      names,
      office: { code: office.code, name: office.name, timeZone: office.timeZone },
      place: row.place,
      windowLabel: null,
      documents: service?.documents ?? [],
    }),
    id: row.issued.id,
    track: row.issued.track,
    position: row.place.position,
    estimatedWaitMinutes: row.place.estimatedWaitMinutes,
  };
}

/** A ticket as its holder sees it (the page of its QR code): live place and wait, the window it is called to. */
export async function publicTicket(
  deps: Pick<QueueDeps, 'db' | 'now' | 'cipher'>,
  track: string,
): Promise<PublicTicket> {
  const { db, now } = deps;
  const ticket = await findTicketByTrack(db, track);
  if (!ticket) throw notFound('ticket');
  const [office] = await officesNow(db, now, [ticket.officeCode]);
  if (!office) throw notFound('ticket');
  const [names, windows, service] = await Promise.all([
    namesFor(db, [ticket]),
    configuredWindows(db, ticket.officeCode),
    ticket.serviceCode ? serviceForTicket(db, ticket.serviceCode) : undefined,
  ]);
  let place: { position: number; estimatedWaitMinutes: number } | null = null;
  if (ticket.status === 'waiting') {
    const settings = await queueSettingsOf(db);
    const [waiting, states] = await Promise.all([
      waitingTickets(db, ticket.officeCode),
      windowStatesOf(db, ticket.officeCode),
    ]);
    const view = await queueView(db, { officeCode: ticket.officeCode, waiting, states, settings, now });
    place = placeInQueue(view, toCandidate(ticket));
  }
  return toPublicTicket(ticket, {
    names,
    office: { code: office.code, name: office.name, timeZone: office.timeZone },
    place,
    windowLabel: windows.find((w) => w.number === ticket.windowNumber)?.label ?? null,
    documents: service?.documents ?? [],
    ratingToken: ticket.status === 'done' ? visitRatingToken(deps.cipher, ticket.id) : null,
  });
}

/** When tickets were first called (booking's report: how soon booked visitors were called). */
export { firstCallTimes } from './tickets.repository.js';

/** What a rating of a visit is tied to (modules/quality): the ticket's office, service, day, window, operator. */
export async function ticketForRating(db: Db, id: string) {
  const t = await findTicket(db, id);
  if (!t) return undefined;
  return {
    id: t.id,
    officeCode: t.officeCode,
    serviceCode: t.serviceCode,
    day: t.day,
    finished: t.status === 'done',
    windowNumber: t.windowNumber,
    operatorId: t.operatorId,
  };
}
