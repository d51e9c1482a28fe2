import type { NotificationEvent } from '../../../../shared/notifications.js';
import type { ContextOf } from './context.js';
import type { EmailBlock, EmailContent } from './email.js';
import { optional, type SmsPiece, shortenTo } from './fit-sms.js';

/**
 * What a locale must say (`texts.ru.ts`, `texts.en.ts`): for every event an SMS, as pieces `fitSms` fits into
 * two parts, and an e-mail, as blocks of plain words; a locale missing an event fails the typecheck.
 */

/** One event's texts in one locale. */
export type EventTexts<E extends NotificationEvent> = {
  sms(ctx: ContextOf<E>): SmsPiece[];
  email(ctx: ContextOf<E>): EmailContent;
};

/** Everything a locale says: the e-mail's greeting and footer, the unsubscribe line, every event's texts. */
export type Texts = {
  /** The first line of an e-mail: by name when there is one. */
  greeting(name: string | null): string;
  /** The last line of an e-mail. */
  footer: string;
  /** The label of the unsubscribe link the outbox appends. */
  unsubscribe: string;
  events: { [E in NotificationEvent]: EventTexts<E> };
};

/**
 * The opening of an SMS: by name when there is one and it fits (`withName`), else the neutral `without` —
 * the two forms start the same sentence, so the rest reads on either way.
 */
export const greet = (name: string | null, withName: (name: string) => string, without: string): SmsPiece =>
  name ? optional(withName(name), without) : without;

/** The optional pieces' priorities: a link is kept before a phone, a phone before a greeting (0). */
export const priority = { link: 2, phone: 1 } as const;

/** The link at the end of an SMS, kept if it fits. */
export const smsLink = (link: string | undefined): SmsPiece =>
  link ? optional(` ${link}`, '', priority.link) : '';

/**
 * A rating's link at the end of its SMS (`visit.rating`, `case.rating`): the message is the link, so it is
 * kept before every other optional piece; a rating link (about 90 characters) always fits two parts, and a
 * text without it still ends a sentence.
 */
export const ratingLink = (link: string): SmsPiece => optional(`: ${link}`, '.', priority.link + 1);

/** The link block of an e-mail, if there is a link. */
export const emailLink = (link: string | undefined, label: string): EmailBlock[] =>
  link ? [{ link, label }] : [];

/** The longest a title may be in a subject (mail clients cut the rest from sight anyway). */
const SUBJECT_TITLE = 60;

/** A title shortened for a subject line. */
export const subjectTitle = (title: string): string => shortenTo(title, SUBJECT_TITLE);
