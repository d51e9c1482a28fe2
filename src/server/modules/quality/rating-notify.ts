import type { Channel, Locale } from '../../../shared/notifications.js';
import type { RatingSource } from '../../../shared/ratings.js';
import type { Db } from '../../db/client.js';
import type { PersonalDataCipher } from '../../privacy/personal-data.js';
import { messageContextFor } from '../notifications/message-context.js';
import { enqueueNotification, type OutboxDeps } from '../notifications/outbox.enqueue.js';
import { caseRatingToken, visitRatingToken } from './rating-token.js';

/**
 * The invitations to rate (issue 12): `visit.rating` by SMS when a ticket with a phone is finished, and
 * `case.rating` by SMS and e-mail when a case's result is issued — each in the transaction of the finish or
 * the issue (through the outbox), so it is sent only if that commits. Quiet hours hold the SMS till morning
 * as any other. The link is the rating page with the one token every channel carries and the channel it came
 * by (`?src=sms|email`), which the page passes on as the rating's source.
 */

/** The rating page of a token: `${publicUrl}/rate/{token}?src=…`. */
export const ratingUrl = (publicUrl: string, token: string, source?: RatingSource): string =>
  `${publicUrl.replace(/\/$/, '')}/rate/${encodeURIComponent(token)}${source ? `?src=${source}` : ''}`;

/** The module's clock (`now`) also times the message: the quiet hours are reckoned from the finish's instant. */
type Deps = { cipher: PersonalDataCipher; outbox: () => OutboxDeps; now?: Date };

const outboxOf = (deps: Deps): OutboxDeps => {
  const outbox = deps.outbox();
  return deps.now && !outbox.now ? { ...outbox, now: deps.now } : outbox;
};

/**
 * `visit.rating` to a finished ticket's phone (given at the kiosk or the window for the queue's SMS: the
 * consent to SMS). Nothing without a phone. Returns whether a message was queued.
 */
export async function notifyVisitRating(
  tx: Db,
  deps: Deps,
  ticket: { id: string; officeCode: string; number: string; phone: string | null; locale: Locale },
): Promise<boolean> {
  if (!ticket.phone) return false;
  const outbox = outboxOf(deps);
  const context = await messageContextFor(tx, { officeCode: ticket.officeCode });
  const result = await enqueueNotification(tx, outbox, {
    event: 'visit.rating',
    recipient: { phone: deps.cipher.open(ticket.phone), locale: ticket.locale, smsConsent: true },
    context: {
      ...context,
      ticketNumber: ticket.number,
      link: ratingUrl(outbox.publicUrl, visitRatingToken(deps.cipher, ticket.id), 'sms'),
    },
    officeCode: ticket.officeCode,
    about: { kind: 'ticket', ref: ticket.number },
  });
  return result.queued.length > 0;
}

/**
 * `case.rating` to the applicant once the result is issued: an SMS with consent to SMS, an e-mail with
 * consent to e-mail, each with its own `?src=` (one notification per channel, the other's address left out).
 * Returns the channels queued.
 */
export async function notifyCaseRating(
  tx: Db,
  deps: Deps,
  c: {
    id: string;
    number: string;
    officeCode: string;
    serviceCode: string;
    card: { title: string; shortTitle: string };
  },
  contacts: {
    phone: string | null;
    email: string | null;
    name: string | null;
    locale: Locale;
    smsConsent: boolean;
  },
): Promise<Channel[]> {
  if (!contacts.phone && !contacts.email) return [];
  const outbox = outboxOf(deps);
  const base = await messageContextFor(tx, { officeCode: c.officeCode, serviceCode: c.serviceCode });
  const token = caseRatingToken(deps.cipher, c.id);
  const queued: Channel[] = [];
  const by: [Channel, RatingSource][] = [
    ['sms', 'sms'],
    ['email', 'email'],
  ];
  for (const [channel, source] of by) {
    const address = channel === 'sms' ? contacts.phone : contacts.email;
    if (!address) continue;
    const result = await enqueueNotification(tx, outbox, {
      event: 'case.rating',
      recipient: {
        ...(channel === 'sms' ? { phone: address } : { email: address }),
        name: contacts.name,
        locale: contacts.locale,
        smsConsent: contacts.smsConsent,
      },
      context: {
        ...base,
        // the card as frozen into the case names the service
        service: {
          ...(base.service ?? { documents: [] }),
          title: c.card.title,
          shortTitle: c.card.shortTitle,
        },
        caseNumber: c.number,
        link: ratingUrl(outbox.publicUrl, token, source),
      },
      officeCode: c.officeCode,
      about: { kind: 'case', ref: c.number },
    });
    queued.push(...result.queued.map((q) => q.channel));
  }
  return queued;
}
