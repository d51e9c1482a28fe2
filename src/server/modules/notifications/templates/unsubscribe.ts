import type { Locale } from '../../../../shared/notifications.js';
import { htmlLink, htmlNote, type RenderedMessage } from './email.js';
import { textsOf } from './locales.js';

/**
 * A rendered e-mail with the unsubscribe line appended, as the outbox sends it: to the plain text as
 * «label: url», to the HTML (escaped) as a link before `</body>` — or as words, if the address is not a web
 * page or a mailbox. The rendered message is not changed.
 */
export function withUnsubscribe(rendered: RenderedMessage, url: string, locale: Locale): RenderedMessage {
  const label = textsOf(locale).unsubscribe;
  const text = `${rendered.text}\n\n${label}: ${url}`;
  if (rendered.html === undefined) return { ...rendered, text };
  const line = htmlNote(htmlLink(url, label));
  const end = rendered.html.lastIndexOf('</body>');
  const html =
    end === -1
      ? `${rendered.html}\n${line}`
      : `${rendered.html.slice(0, end)}${line}\n${rendered.html.slice(end)}`;
  return { ...rendered, text, html };
}
