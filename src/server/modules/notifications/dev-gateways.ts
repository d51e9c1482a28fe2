import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type HeaderValue, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * Gateways for development and tests, so okno's channels can be tried without a provider: a real SMTP
 * server and an HTTP SMS gateway that speaks both okno's JSON format and SMS.ru's. Each message received is
 * printed and kept in memory; `GET /messages` on the SMS gateway's port lists all of them (both channels),
 * `DELETE /messages` forgets them.
 *
 * Failures on demand, for tests of the outcomes:
 * - an SMS to a number ending in 0000 is refused for good (JSON: 422 `{ error: 'invalid number' }`;
 *   SMS.ru: the number's status ERROR 202); ending in 9999, the gateway answers 503;
 * - an e-mail to a local part starting with `reject` gets 550 at RCPT TO, with `tempfail` 451;
 * - `POST /control { failNext: n, status: 500 }` fails the next n SMS requests with that status.
 *
 * Paths: JSON at `POST /sms`, SMS.ru at any path ending in `/sms/send` — so `SMS_GATEWAY_URL=http://host:port/sms`
 * serves both formats (the SMS.ru adapter posts to `<url>/sms/send`, i.e. `/sms/sms/send`).
 */
export type DevMessage = {
  channel: 'email' | 'sms';
  /** E-mail: the envelope's recipient; SMS: the number in +digits form, whatever the format sent. */
  to: string;
  subject?: string;
  text: string;
  html?: string;
  /** E-mail headers, names in lower case. */
  headers?: Record<string, string>;
  receivedAt: string;
  /** okno's message id: the JSON request's `id`, the e-mail's X-Okno-Message-Id; SMS.ru sends none. */
  id?: string;
  /** The id this gateway gave the message (the JSON answer's `id`, SMS.ru's `sms_id`, the Message-ID). */
  gatewayId: string;
  /** How it came in. */
  format: 'smtp' | 'json' | 'smsru';
  sender?: string;
};

export type DevGatewaysOptions = {
  /** 0: a free port. */
  smtpPort?: number;
  smsPort?: number;
  host?: string;
  /** Print each message received on stdout. */
  print?: boolean;
  /** Also write each message to this folder (JSON; e-mail as .eml too). */
  keepDir?: string;
};

export type DevGateways = {
  host: string;
  smtpPort: number;
  smsPort: number;
  messages(): DevMessage[];
  close(): Promise<void>;
};

const maxBody = 1024 * 1024;

export async function startDevGateways(options: DevGatewaysOptions = {}): Promise<DevGateways> {
  const host = options.host ?? '127.0.0.1';
  const print = options.print ?? true;
  const received: DevMessage[] = [];
  let seq = 0;
  let failNext = { count: 0, status: 500 };
  if (options.keepDir) mkdirSync(options.keepDir, { recursive: true });

  function keep(message: DevMessage, raw?: Buffer): void {
    received.push(message);
    if (print) console.log(formatMessage(message));
    if (options.keepDir) {
      const base = join(
        options.keepDir,
        `${message.receivedAt.replace(/[:.]/g, '-')}-${seq}-${message.channel}`,
      );
      writeFileSync(`${base}.json`, `${JSON.stringify(message, null, 2)}\n`);
      if (raw) writeFileSync(`${base}.eml`, raw);
    }
  }

  const smtp = new SMTPServer({
    banner: 'okno dev gateway',
    logger: false,
    authOptional: true,
    // Plain text and any credentials: a local stand-in, never a relay.
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    size: 10 * 1024 * 1024,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'dev' });
    },
    onRcptTo(address, _session, callback) {
      const local = address.address.split('@')[0].toLowerCase();
      // The replies quote the address as real servers do: the adapter must not pass it on.
      if (local.startsWith('reject'))
        return callback(
          smtpError(550, `5.1.1 <${address.address}>: Recipient address rejected: User unknown`),
        );
      if (local.startsWith('tempfail'))
        return callback(smtpError(451, `4.3.0 <${address.address}>: Temporary failure, try again later`));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((mail) => {
            const headers = headerRecord(mail.headers, mail.headerLines);
            for (const rcpt of session.envelope.rcptTo) {
              seq += 1;
              keep(
                {
                  channel: 'email',
                  to: rcpt.address,
                  subject: mail.subject,
                  text: mail.text ?? '',
                  ...(mail.html ? { html: mail.html } : {}),
                  headers,
                  receivedAt: new Date().toISOString(),
                  id: headers['x-okno-message-id'] ?? mail.messageId,
                  gatewayId: mail.messageId ?? `mail-${seq}`,
                  format: 'smtp',
                },
                raw,
              );
            }
            callback(null, `queued as dev-${seq}`);
          })
          .catch((err: Error) => callback(smtpError(554, `5.6.0 unreadable message: ${err.message}`)));
      });
    },
  });
  smtp.on('error', (err) => console.error(`okno dev gateways: smtp: ${err.message}`));

  const http = createServer((req, res) => {
    handle(req, res).catch((err: Error) => send(res, 500, { error: err.message }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://gateway');
    const path = url.pathname.replace(/\/+$/, '');
    if (path === '/messages' && req.method === 'GET') return send(res, 200, { messages: received });
    if (path === '/messages' && req.method === 'DELETE') {
      received.length = 0;
      return send(res, 200, { messages: [] });
    }
    if (path === '/control' && req.method === 'POST') {
      const body = JSON.parse((await readBody(req)) || '{}') as { failNext?: number; status?: number };
      failNext = { count: Math.max(0, Number(body.failNext ?? 0)), status: Number(body.status ?? 500) };
      return send(res, 200, { failNext: failNext.count, status: failNext.status });
    }
    const isSmsRu = path.endsWith('/sms/send');
    if (req.method !== 'POST' || !(isSmsRu || path === '/sms')) {
      return send(res, 404, { error: 'POST /sms (JSON), POST /sms/send (SMS.ru), GET|DELETE /messages' });
    }
    const body = await readBody(req);
    if (failNext.count > 0) {
      failNext.count -= 1;
      return send(res, failNext.status, { error: 'simulated failure' });
    }
    const answered = isSmsRu ? smsRu(body, url.searchParams) : json(body);
    send(res, answered.status, answered.body);
  }

  function json(body: string): Answer {
    let request: { id?: unknown; to?: unknown; text?: unknown; sender?: unknown };
    try {
      request = JSON.parse(body);
    } catch {
      return answer(400, { error: 'the body is not JSON' });
    }
    if (typeof request.to !== 'string' || typeof request.text !== 'string' || !request.text) {
      return answer(400, { error: 'to and text are required' });
    }
    if (request.to.endsWith('0000')) return answer(422, { error: 'invalid number' });
    if (request.to.endsWith('9999')) return answer(503, { error: 'gateway temporarily unavailable' });
    seq += 1;
    const gatewayId = `gw-${seq}`;
    keep({
      channel: 'sms',
      to: plusDigits(request.to),
      text: request.text,
      receivedAt: new Date().toISOString(),
      ...(typeof request.id === 'string' ? { id: request.id } : {}),
      gatewayId,
      format: 'json',
      ...(typeof request.sender === 'string' ? { sender: request.sender } : {}),
    });
    return answer(200, { id: gatewayId });
  }

  function smsRu(body: string, query: URLSearchParams): Answer {
    const form = new URLSearchParams(body);
    const field = (name: string) => form.get(name) ?? query.get(name) ?? '';
    const numbers = field('to')
      .split(',')
      .map((n) => n.replace(/\D/g, ''))
      .filter(Boolean);
    const text = field('msg');
    if (numbers.length === 0)
      return answer(200, { status: 'ERROR', status_code: 202, status_text: 'no number' });
    if (numbers.some((n) => n.endsWith('9999'))) {
      return answer(503, {
        status: 'ERROR',
        status_code: 220,
        status_text: 'service temporarily unavailable',
      });
    }
    const sms: Record<string, object> = {};
    for (const number of numbers) {
      if (number.endsWith('0000')) {
        sms[number] = { status: 'ERROR', status_code: 202, status_text: 'Неправильно указан номер телефона' };
      } else if (!text) {
        sms[number] = { status: 'ERROR', status_code: 203, status_text: 'Нет текста сообщения' };
      } else {
        seq += 1;
        const smsId = `${randomBytes(3).toString('hex')}-${seq}`;
        sms[number] = { status: 'OK', status_code: 100, sms_id: smsId };
        const sender = field('from');
        keep({
          channel: 'sms',
          to: `+${number}`,
          text,
          receivedAt: new Date().toISOString(),
          gatewayId: smsId,
          format: 'smsru',
          ...(sender ? { sender } : {}),
        });
      }
    }
    return answer(200, { status: 'OK', status_code: 100, sms, balance: 100 });
  }

  await new Promise<void>((resolve, reject) => {
    smtp.server.once('error', reject);
    smtp.listen(options.smtpPort ?? 2525, host, () => resolve());
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.smsPort ?? 2526, host, () => resolve());
  }).catch(async (err) => {
    await new Promise<void>((r) => smtp.close(() => r()));
    throw err;
  });

  return {
    host,
    smtpPort: (smtp.server.address() as AddressInfo).port,
    smsPort: (http.address() as AddressInfo).port,
    messages: () => [...received],
    async close() {
      http.closeAllConnections();
      await Promise.all([
        new Promise<void>((r) => http.close(() => r())),
        new Promise<void>((r) => smtp.close(() => r())),
      ]);
    },
  };
}

/** One message as a few readable lines. */
export function formatMessage(m: DevMessage): string {
  const head = `── ${m.channel} → ${m.to} (${m.format}${m.sender ? `, from ${m.sender}` : ''}) ${m.receivedAt}`;
  const lines = [head];
  if (m.subject !== undefined) lines.push(`   Subject: ${m.subject}`);
  for (const line of m.text.trimEnd().split('\n')) lines.push(`   ${line}`);
  return lines.join('\n');
}

type Answer = { status: number; body: unknown };

function answer(status: number, body: unknown): Answer {
  return { status, body };
}

function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

function plusDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits ? `+${digits}` : phone;
}

/** Headers by lower-case name: decoded where mailparser reads them as text, else the raw line unfolded. */
function headerRecord(
  headers: Map<string, HeaderValue>,
  lines: ReadonlyArray<{ key: string; line: string }>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, line } of lines) {
    const parsed = headers.get(key);
    out[key] =
      (parsed === undefined ? undefined : headerText(parsed)) ??
      line
        .slice(line.indexOf(':') + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim();
  }
  return out;
}

function headerText(value: HeaderValue): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    const parts = value.map((v) => headerText(v as HeaderValue)).filter((v) => v !== undefined);
    return parts.length ? parts.join(', ') : undefined;
  }
  if (value && typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('value' in value && typeof value.value === 'string') return value.value;
  }
  return undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) {
        reject(new Error('the body is too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
