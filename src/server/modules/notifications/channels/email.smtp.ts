import nodemailer from 'nodemailer';
import type { NotificationsConfig } from '../../../config.js';
import type { ChannelAdapter, OutgoingMessage, SendResult } from './channel.js';
import { networkReason } from './reason.js';

/** The header that carries the outbox message's id, for a bounce or a support request to find it. */
export const messageIdHeader = 'X-Okno-Message-Id';

type SmtpOptions = Pick<NotificationsConfig, 'smtpFrom'> & {
  smtpUrl: string;
  /** Milliseconds to connect and to get the greeting; tests shorten it. */
  connectTimeoutMs?: number;
};

/**
 * E-mail over SMTP: one pooled transport (a few connections kept open between messages) to SMTP_URL, from
 * SMTP_FROM. The Message-ID is built from our id, so a message sent twice (a retry after a lost answer)
 * carries the same Message-ID and mail systems can tell the copies apart.
 */
export function smtpChannel(options: SmtpOptions): ChannelAdapter {
  const connectTimeout = options.connectTimeoutMs ?? 10_000;
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    pool: true,
    maxConnections: 3,
    connectionTimeout: connectTimeout,
    greetingTimeout: connectTimeout,
    socketTimeout: 60_000,
    // A pooled connection that the server closed while idle is opened again for the next message.
    idleTimeout: 60_000,
  });
  const domain = /@([^>\s]+)>?\s*$/.exec(options.smtpFrom)?.[1] ?? 'okno.localhost';
  return {
    channel: 'email',
    name: 'smtp',
    async send(message: OutgoingMessage): Promise<SendResult> {
      try {
        const info = await transport.sendMail({
          from: options.smtpFrom,
          to: message.to,
          subject: message.subject ?? '',
          text: message.text,
          html: message.html,
          messageId: `<${message.id}@${domain}>`,
          headers: { ...message.headers, [messageIdHeader]: message.id },
        });
        if (info.accepted.length === 0) return { outcome: 'permanent', reason: 'recipient refused' };
        return { outcome: 'sent', providerId: info.messageId };
      } catch (err) {
        return classifySmtpError(err);
      }
    },
    async close() {
      transport.close();
    },
  };
}

type SmtpError = {
  code?: string;
  command?: string;
  responseCode?: number;
  response?: string;
  originalCode?: string;
  rejectedErrors?: SmtpError[];
};

/**
 * What an SMTP failure means for the message. The server's reply decides when there is one: a 5xx is final
 * for this message (550 unknown mailbox, 553 mailbox name not allowed, 552 too large, 554 refused) except
 * 503 (bad sequence of commands: the session's fault, not the message's); a 4xx is temporary (451, 452,
 * greylisting). Without a reply: an envelope nodemailer itself refuses (no valid recipient) is permanent;
 * everything else — refused connection, timeout, TLS, authentication (the operator's to fix) — is retried.
 * A refusal of our login or of our sender (AUTH, MAIL FROM: 530, 535, 553 sender not allowed) is not the
 * message's fault either: every message would get it, so it waits for the operator instead of failing.
 * The reason names the code and a generic description, never the server's text: it quotes the address.
 */
export function classifySmtpError(err: unknown): SendResult {
  const e = (err ?? {}) as SmtpError;
  if (e.code === 'EAUTH' || e.code === 'ENOAUTH' || e.command?.startsWith('AUTH')) {
    return {
      outcome: 'retry',
      reason: `SMTP authentication failed${e.responseCode ? ` (${e.responseCode})` : ''}`,
    };
  }
  if (e.command === 'MAIL FROM' && e.responseCode) {
    return { outcome: 'retry', reason: `${e.responseCode} sender refused` };
  }
  const replyOf = e.responseCode ? e : e.rejectedErrors?.find((r) => r.responseCode);
  const code = replyOf?.responseCode;
  if (code && code >= 400 && code < 600) {
    const enhanced = /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(replyOf?.response ?? '')?.[1];
    const reason = [String(code), enhanced, describeReply(code)].filter(Boolean).join(' ');
    const permanent = code >= 500 && code !== 503;
    return permanent ? { outcome: 'permanent', reason } : { outcome: 'retry', reason };
  }
  switch (e.code) {
    case 'EENVELOPE':
      return { outcome: 'permanent', reason: 'no valid recipient address' };
    case 'ETLS':
    case 'EREQUIRETLS':
      return { outcome: 'retry', reason: 'SMTP TLS failed' };
    case 'EDNS':
      return { outcome: 'retry', reason: 'SMTP host not found' };
    case 'ETIMEDOUT':
      return { outcome: 'retry', reason: 'SMTP timed out' };
    case 'ECONNECTION':
    case 'ESOCKET':
      return { outcome: 'retry', reason: `SMTP ${networkReason({ code: e.originalCode ?? e.code })}` };
    default:
      return { outcome: 'retry', reason: e.code ? `SMTP error (${e.code})` : 'SMTP error' };
  }
}

function describeReply(code: number): string {
  switch (code) {
    case 421:
      return 'service not available';
    case 450:
      return 'mailbox temporarily unavailable';
    case 451:
      return 'local error in processing';
    case 452:
      return 'insufficient storage';
    case 501:
      return 'syntax error in the address';
    case 503:
      return 'bad sequence of commands';
    case 550:
      return 'mailbox unavailable';
    case 551:
      return 'user not local';
    case 552:
      return 'message too large or mailbox full';
    case 553:
      return 'mailbox name not allowed';
    case 554:
      return 'transaction failed';
    default:
      return code >= 500 ? 'refused' : 'temporarily refused';
  }
}
