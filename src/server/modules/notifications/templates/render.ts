import type { Channel, MessageContext, NotificationEvent } from '../../../../shared/notifications.js';
import { type ContextOf, cleanContext, missingContext } from './context.js';
import { type RenderedMessage, renderEmail } from './email.js';
import { fitSms } from './fit-sms.js';
import { textsOf } from './locales.js';
import type { EventTexts, Texts } from './texts.js';

/**
 * A message of an event for a channel, in the person's language: an SMS of at most two parts, or an e-mail
 * (subject, plain text, HTML). I/O-free: the outbox renders, then appends the unsubscribe line
 * (`withUnsubscribe`) to an e-mail.
 */

export { missingContext } from './context.js';
export type { RenderedMessage } from './email.js';
export { withUnsubscribe } from './unsubscribe.js';

const eventTexts = <E extends NotificationEvent>(texts: Texts, event: E): EventTexts<E> =>
  texts.events[event];

/**
 * The message of `event` for `channel` in `ctx.locale`, its times in `ctx.timeZone`. An SMS is the text alone,
 * fitted into `SMS_MAX_PARTS` parts (its fixed facts whole, long names and titles cut with «…», the greeting
 * and the link only if they fit); an e-mail has a subject, a plain text and an HTML page with every value
 * escaped. Throws an Error naming the fields when the context lacks what the event needs: check
 * `missingContext` first.
 */
export function renderMessage(
  event: NotificationEvent,
  channel: Channel,
  ctx: MessageContext,
): RenderedMessage {
  const missing = missingContext(event, ctx);
  if (missing.length > 0) throw new Error(`cannot render ${event}: the context lacks ${missing.join(', ')}`);
  const texts = textsOf(ctx.locale);
  const of = eventTexts(texts, event);
  // missingContext has checked every field the event needs
  const clean = cleanContext(ctx) as ContextOf<typeof event>;
  if (channel === 'sms') return { text: fitSms(of.sms(clean)) };
  const { subject, blocks } = of.email(clean);
  return renderEmail(
    subject,
    [{ paragraph: [texts.greeting(clean.name)] }, ...blocks, { note: texts.footer }],
    ctx.locale,
  );
}
