import type { Channel } from '../../../../shared/notifications.js';

/** One message as a channel sends it: the address in clear, the rendered text. */
export type OutgoingMessage = {
  /** The outbox message's id: gateways that take an id of ours get it (idempotency, delivery reports). */
  id: string;
  channel: Channel;
  /** A phone in +7XXXXXXXXXX form, or an e-mail address. */
  to: string;
  subject?: string;
  text: string;
  html?: string;
  /** Extra e-mail headers (List-Unsubscribe). */
  headers?: Record<string, string>;
};

/**
 * What became of one attempt. `retry`: try again later (a timeout, a 5xx, a refused connection);
 * `permanent`: never again (an invalid address, the gateway's refusal of this message).
 */
export type SendResult =
  | { outcome: 'sent'; providerId?: string }
  | { outcome: 'retry'; reason: string }
  | { outcome: 'permanent'; reason: string };

/** A way out of okno: e-mail over SMTP, SMS over an HTTP gateway. */
export interface ChannelAdapter {
  channel: Channel;
  /** For the admin and the logs: "smtp", "sms-json", "sms.ru". */
  name: string;
  send(message: OutgoingMessage): Promise<SendResult>;
  close?(): Promise<void>;
}
