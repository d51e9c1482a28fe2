import type { MessageContext, NotificationEvent } from '../../../../shared/notifications.js';
import { nowInTimeZone } from '../../../../shared/office-hours.js';
import { isInstant } from './dates.js';

const epoch = new Date(0);

/**
 * What each event's texts need of the context, and the context made safe to interpolate: whitespace and
 * control characters folded (no line break reaches a subject header), empty values dropped. I/O-free.
 */

/** The fields of the context each event needs; the rest are used when present. */
export const requiredContext = {
  'booking.confirmed': ['office', 'service', 'at', 'bookingCode'],
  'booking.rescheduled': ['office', 'service', 'at', 'bookingCode'],
  'booking.reminder': ['office', 'service', 'at', 'bookingCode'],
  'booking.cancelled': ['office', 'service', 'at', 'bookingCode'],
  'booking.confirm_code': ['office', 'confirmCode'],
  'ticket.turn_near': ['ticketNumber', 'office'],
  'case.stage': ['caseNumber', 'stage'],
  'case.result_ready': ['caseNumber', 'office'],
  'case.return_soon': ['caseNumber', 'office', 'at'],
  // a rating's message is its link: without one there is nothing to send
  'visit.rating': ['ticketNumber', 'office', 'link'],
  'case.rating': ['caseNumber', 'office', 'link'],
  'channel.test': [],
} as const satisfies Record<NotificationEvent, readonly (keyof MessageContext)[]>;

type Needed<E extends NotificationEvent> = (typeof requiredContext)[E][number];

/** The context an event's texts get: cleaned, with the fields the event needs present. */
export type ContextOf<E extends NotificationEvent> = MessageContext & {
  [K in Needed<E>]-?: NonNullable<MessageContext[K]>;
};

/** Line breaks, tabs, other control characters and bidirectional overrides (a name shown backwards). */
const folded = /[\p{Cc}\p{Zl}\p{Zp}\u202A-\u202E\u2066-\u2069\s]+/gu;

/** A value as one line: every run of whitespace or control characters one space, trimmed. */
export const oneLine = (value: string): string => value.replace(folded, ' ').trim();

const present = (value: string | null | undefined): value is string =>
  typeof value === 'string' && oneLine(value) !== '';

/** Whether Intl knows the zone; through `nowInTimeZone`, whose formatter per zone is made once and kept. */
function isTimeZone(timeZone: string): boolean {
  try {
    nowInTimeZone(timeZone, epoch);
    return true;
  } catch {
    return false;
  }
}

/**
 * The fields an event needs that the context lacks or holds empty, by name (`office`, `office.address`,
 * `service.title`, `stage.citizenText`, `at` — also when it is not an ISO instant with an offset —, and
 * `timeZone` when an event showing a time has an unknown zone). Empty: the message can be rendered.
 */
export function missingContext(event: NotificationEvent, ctx: MessageContext): string[] {
  const missing: string[] = [];
  for (const field of requiredContext[event] as readonly (keyof MessageContext)[]) {
    switch (field) {
      case 'office':
        if (!ctx.office) missing.push('office');
        else {
          if (!present(ctx.office.name)) missing.push('office.name');
          if (!present(ctx.office.address)) missing.push('office.address');
        }
        break;
      case 'service':
        if (!ctx.service) missing.push('service');
        else if (!present(ctx.service.title)) missing.push('service.title');
        break;
      case 'stage':
        if (!ctx.stage) missing.push('stage');
        else {
          if (!present(ctx.stage.title)) missing.push('stage.title');
          if (!present(ctx.stage.citizenText)) missing.push('stage.citizenText');
        }
        break;
      case 'at':
        if (!present(ctx.at) || !isInstant(ctx.at)) missing.push('at');
        if (!isTimeZone(ctx.timeZone)) missing.push('timeZone');
        break;
      default: {
        const value = ctx[field];
        if (typeof value !== 'string' || !present(value)) missing.push(field);
      }
    }
  }
  return missing;
}

const optionalLine = (value: string | null | undefined): string | undefined =>
  present(value) ? oneLine(value) : undefined;

/** Only a web page's address is a link: anything else (`javascript:`, a bare word) is left out. */
function webLink(value: string | undefined): string | undefined {
  const link = value?.trim();
  if (!link || /\s/.test(link) || !URL.canParse(link)) return undefined;
  const { protocol } = new URL(link);
  return protocol === 'https:' || protocol === 'http:' ? link : undefined;
}

/**
 * The context made safe to interpolate: every text on one line, empty optional values dropped, a short title
 * falling back to the title, a link only when it is a web address, `ahead` only when a whole number ≥ 0.
 * The caller has checked `missingContext` first: a required field is kept as it is.
 */
export function cleanContext(ctx: MessageContext): MessageContext {
  const office = ctx.office && {
    name: oneLine(ctx.office.name),
    address: oneLine(ctx.office.address),
    phone: optionalLine(ctx.office.phone) ?? null,
  };
  const service = ctx.service && {
    title: oneLine(ctx.service.title),
    shortTitle: optionalLine(ctx.service.shortTitle) ?? oneLine(ctx.service.title),
    documents: ctx.service.documents.filter(present).map(oneLine),
  };
  const stage = ctx.stage && { title: oneLine(ctx.stage.title), citizenText: oneLine(ctx.stage.citizenText) };
  const ahead = Number.isInteger(ctx.ahead) && (ctx.ahead as number) >= 0 ? ctx.ahead : undefined;
  const link = webLink(ctx.link);
  return {
    locale: ctx.locale,
    name: optionalLine(ctx.name) ?? null,
    timeZone: ctx.timeZone,
    ...(office && { office }),
    ...(service && { service }),
    ...(ctx.at !== undefined && { at: ctx.at }),
    ...(present(ctx.bookingCode) && { bookingCode: oneLine(ctx.bookingCode) }),
    ...(present(ctx.confirmCode) && { confirmCode: oneLine(ctx.confirmCode) }),
    ...(present(ctx.ticketNumber) && { ticketNumber: oneLine(ctx.ticketNumber) }),
    ...(present(ctx.window) && { window: oneLine(ctx.window) }),
    ...(ahead !== undefined && { ahead }),
    ...(present(ctx.caseNumber) && { caseNumber: oneLine(ctx.caseNumber) }),
    ...(stage && { stage }),
    ...(link && { link }),
  };
}
