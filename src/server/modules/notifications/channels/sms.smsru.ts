import type { ChannelAdapter, OutgoingMessage, SendResult } from './channel.js';
import { networkReason, safeReason } from './reason.js';

export type SmsRuOptions = {
  /** https://sms.ru (the adapter posts to `<url>/sms/send`). */
  url: string;
  /** The account's api_id. */
  token?: string;
  /** An approved sender name (`from`); none: the account's default. */
  sender?: string;
  timeoutMs?: number;
};

/**
 * SMS.ru's HTTP API, the example of a real Russian provider: `POST <url>/sms/send`, form-encoded `api_id`,
 * `to` (the number's digits, no +), `msg`, `json=1` and `from`; the answer is
 * `{ status, status_code, sms: { "<digits>": { status, status_code, sms_id, status_text } } }`.
 */
export function smsRuChannel(options: SmsRuOptions): ChannelAdapter {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const endpoint = `${options.url.replace(/\/+$/, '')}/sms/send`;
  return {
    channel: 'sms',
    name: 'sms.ru',
    async send(message: OutgoingMessage): Promise<SendResult> {
      const to = message.to.replace(/\D/g, '');
      const form = new URLSearchParams({ api_id: options.token ?? '', to, msg: message.text, json: '1' });
      if (options.sender) form.set('from', options.sender);
      let response: Response;
      let text: string;
      try {
        response = await fetch(endpoint, {
          method: 'POST',
          headers: { accept: 'application/json' },
          body: form,
          signal: AbortSignal.timeout(timeoutMs),
        });
        text = await response.text();
      } catch (err) {
        return { outcome: 'retry', reason: `sms.ru: ${networkReason(err)}` };
      }
      if (response.status < 200 || response.status >= 300) {
        return { outcome: 'retry', reason: `sms.ru HTTP ${response.status}` };
      }
      return smsRuResult(text, to);
    },
  };
}

type SmsRuEntry = { status?: unknown; status_code?: unknown; sms_id?: unknown; status_text?: unknown };

/** SMS.ru's answer to one send as the outcome of the attempt; `to` is the number's digits as sent. */
export function smsRuResult(body: string, to: string): SendResult {
  let answer: SmsRuEntry & { sms?: Record<string, SmsRuEntry> };
  try {
    answer = JSON.parse(body);
  } catch {
    return { outcome: 'retry', reason: 'sms.ru: unreadable answer' };
  }
  if (!answer || typeof answer !== 'object') return { outcome: 'retry', reason: 'sms.ru: unreadable answer' };
  if (answer.status !== 'OK') return smsRuError(answer);
  const entries = answer.sms && typeof answer.sms === 'object' ? answer.sms : {};
  // SMS.ru keys the entry by the number as it read it; with one number sent, the one entry is ours.
  const values = Object.values(entries);
  const entry = entries[to] ?? (values.length === 1 ? values[0] : undefined);
  if (!entry) return { outcome: 'retry', reason: 'sms.ru: no status for the number' };
  if (entry.status === 'OK') {
    return { outcome: 'sent', ...(typeof entry.sms_id === 'string' ? { providerId: entry.sms_id } : {}) };
  }
  return smsRuError(entry);
}

function smsRuError(entry: SmsRuEntry): SendResult {
  const code = Number(entry.status_code);
  const known = smsRuCodes[code];
  const words =
    known?.[1] ?? (typeof entry.status_text === 'string' ? safeReason(entry.status_text, 80) : '');
  const reason = ['sms.ru', Number.isFinite(code) ? String(code) : undefined, words]
    .filter(Boolean)
    .join(' ');
  return { outcome: known?.[0] ?? 'retry', reason };
}

/**
 * SMS.ru's refusal codes and what they mean for the message. `permanent`: the message itself can never go
 * (the number is invalid, has no route, refuses SMS; the text is empty, too long or badly encoded): sending
 * again would get the same answer. `retry`: the account or the service, not the message — a wrong api_id, a
 * low balance, an unapproved sender name, a daily limit, the service down — which the operator fixes or time
 * heals; the attempts run out if nobody does. A code not listed here is retried too.
 */
const smsRuCodes: Record<number, ['permanent' | 'retry', string]> = {
  200: ['retry', 'wrong api_id'],
  201: ['retry', 'low balance'],
  202: ['permanent', 'invalid number'],
  203: ['permanent', 'no text'],
  204: ['retry', 'sender name not approved'],
  205: ['permanent', 'message too long'],
  206: ['retry', 'daily limit reached'],
  207: ['permanent', 'no route to the number'],
  208: ['retry', 'wrong time parameter'],
  209: ['permanent', 'number in the stop list'],
  210: ['retry', 'wrong HTTP method'],
  211: ['retry', 'method not found'],
  212: ['permanent', 'text not in UTF-8'],
  213: ['permanent', 'too many numbers'],
  220: ['retry', 'service temporarily unavailable'],
  230: ['retry', 'daily limit for the number reached'],
  231: ['retry', 'repeat limit per minute reached'],
  232: ['retry', 'repeat limit per day reached'],
  300: ['retry', 'wrong token'],
  301: ['retry', 'wrong credentials'],
  302: ['retry', 'account not confirmed'],
  500: ['retry', 'server error'],
};
