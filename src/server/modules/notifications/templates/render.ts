// TEMPORARY STUB — replaced by the templates branch.
import type { Channel, Locale, MessageContext, NotificationEvent } from '../../../../shared/notifications.js';
export type RenderedMessage = { subject?: string; text: string; html?: string };
export function renderMessage(
  event: NotificationEvent,
  channel: Channel,
  ctx: MessageContext,
): RenderedMessage {
  const text = `${event} ${ctx.name ?? ''} ${ctx.bookingCode ?? ''}`;
  return channel === 'email' ? { subject: event, text, html: `<p>${text}</p>` } : { text };
}
export function missingContext(_event: NotificationEvent, _ctx: MessageContext): string[] {
  return [];
}
export function withUnsubscribe(r: RenderedMessage, url: string, _locale: Locale): RenderedMessage {
  return { ...r, text: `${r.text}\n${url}`, html: `${r.html}<p>${url}</p>` };
}
