import type { Locale } from '../../../../shared/notifications.js';

/**
 * An e-mail as the texts describe it (blocks of plain words) and as it leaves: a plain text and a simple HTML
 * page. The texts never write HTML: every value is escaped here, in one place. I/O-free.
 */

/** A block of an e-mail: lines of a paragraph, a titled list, a link, a small note. */
export type EmailBlock =
  | { paragraph: string[] }
  | { list: string[]; title: string }
  | { link: string; label: string }
  | { note: string };

/** What a locale's text gives for an e-mail: its subject and its blocks, greeting and footer excluded. */
export type EmailContent = { subject: string; blocks: EmailBlock[] };

/** A rendered message: an SMS has the text alone; an e-mail its subject, plain text and HTML. */
export type RenderedMessage = { subject?: string; text: string; html?: string };

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** A text made safe inside HTML, in an element or a quoted attribute. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => entities[c]);

/** An address safe as an `href`: a web page or a mailbox; any other scheme (`javascript:`) is none. */
export function safeHref(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const { protocol } = new URL(url);
  return ['https:', 'http:', 'mailto:'].includes(protocol) ? url : null;
}

const textOf = (block: EmailBlock): string => {
  if ('paragraph' in block) return block.paragraph.join('\n');
  if ('list' in block) return [block.title, ...block.list.map((item) => `— ${item}`)].join('\n');
  if ('link' in block) return `${block.label}: ${block.link}`;
  return block.note;
};

const noteStyle = 'color:#59636e;font-size:13px';

/** An anchor when the address is safe, else the address as plain words. */
export function htmlLink(url: string, label: string): string {
  const href = safeHref(url);
  return href
    ? `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`
    : `${escapeHtml(label)}: ${escapeHtml(url)}`;
}

const htmlOf = (block: EmailBlock): string => {
  if ('paragraph' in block) return `<p>${block.paragraph.map(escapeHtml).join('<br>\n')}</p>`;
  if ('list' in block) {
    const items = block.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('\n');
    return `<p>${escapeHtml(block.title)}</p>\n<ul>\n${items}\n</ul>`;
  }
  if ('link' in block) return `<p>${htmlLink(block.link, block.label)}</p>`;
  return `<p style="${noteStyle}">${escapeHtml(block.note)}</p>`;
};

/** A small line at the foot of an e-mail's HTML: the unsubscribe line is one. */
export const htmlNote = (inner: string): string => `<p style="${noteStyle}">${inner}</p>`;

/** The blocks of an e-mail as its plain text and its HTML page (in the locale's language). */
export function renderEmail(subject: string, blocks: readonly EmailBlock[], locale: Locale): RenderedMessage {
  const text = blocks.map(textOf).join('\n\n');
  const html = [
    '<!doctype html>',
    `<html lang="${locale}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2328;background:#ffffff">',
    ...blocks.map(htmlOf),
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { subject, text, html };
}
