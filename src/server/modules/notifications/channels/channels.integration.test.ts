import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runOkno } from '../../../../../tests/cli/run-okno.js';
import { type GatewayProcess, startGatewayProcess } from '../../../../../tests/support/gateways.js';
import type { ChannelAdapter, OutgoingMessage } from './channel.js';
import { smtpChannel } from './email.smtp.js';
import { jsonGatewayChannel } from './sms.json-gateway.js';
import { smsRuChannel } from './sms.smsru.js';

const from = 'МФЦ «Мои документы» <noreply@mfc.localhost>';
let gateways: GatewayProcess;
let smtp: ChannelAdapter;
let json: ChannelAdapter;
let smsru: ChannelAdapter;
let seq = 0;

const email = (to: string, extra: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  id: `msg-${++seq}`,
  channel: 'email',
  to,
  subject: 'Запись подтверждена: 12 марта, 10:30',
  text: 'Здравствуйте, Анна Сергеевна! Ждём вас в МФЦ «Мои документы» на ул. Ленина, 1.',
  html: '<p>Здравствуйте, <b>Анна Сергеевна</b>!</p>',
  headers: { 'List-Unsubscribe': '<https://mfc.localhost/unsubscribe/abc>' },
  ...extra,
});

const sms = (to: string): OutgoingMessage => ({
  id: `msg-${++seq}`,
  channel: 'sms',
  to,
  text: `Талон А-${seq}: вас вызовут через 10 минут. МФЦ «Мои документы»`,
});

/** A port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

beforeAll(async () => {
  gateways = await startGatewayProcess();
  smtp = smtpChannel({ smtpUrl: gateways.smtpUrl, smtpFrom: from });
  json = jsonGatewayChannel({ url: gateways.smsUrl, token: 'secret-token', sender: 'MFC48' });
  smsru = smsRuChannel({ url: gateways.smsUrl, token: 'api-id', sender: 'MFC48' });
});

afterAll(async () => {
  await Promise.all([smtp, json, smsru].map((a) => a?.close?.()));
  expect(await gateways?.stop()).toBe(0);
});

describe('okno dev gateways', () => {
  it('prints the ports it took and the environment lines to use', () => {
    expect(gateways.output()).toMatch(
      /^okno dev gateways: smtp 127\.0\.0\.1:\d+ sms http:\/\/127\.0\.0\.1:\d+$/m,
    );
    expect(gateways.output()).toContain(`SMTP_URL=${gateways.smtpUrl} SMS_GATEWAY_URL=${gateways.smsUrl}`);
  });

  it('refuses anything but `dev gateways` and a port number, with its usage', async () => {
    const wrong = await runOkno(['dev', 'mailbox']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('usage: okno dev gateways');
    const port = await runOkno(['dev', 'gateways', '--smtp-port', 'many']);
    expect(port.code).toBe(1);
    expect(port.stderr).toContain('--smtp-port: a port number');
  });

  it('prints each message it receives', async () => {
    const message = sms('+79001112233');
    await json.send(message);
    await gateways.waitFor((m) => m.id === message.id);
    expect(gateways.output()).toContain(`── sms → +79001112233 (json, from MFC48)`);
    expect(gateways.output()).toContain(message.text);
  });
});

describe('e-mail over SMTP', () => {
  it('delivers a message with its Cyrillic subject, text, HTML and headers intact', async () => {
    const message = email('anna@example.ru');
    const result = await smtp.send(message);
    expect(result).toEqual({ outcome: 'sent', providerId: `<${message.id}@mfc.localhost>` });
    const got = await gateways.waitFor((m) => m.id === message.id);
    expect(got).toMatchObject({ channel: 'email', to: 'anna@example.ru', subject: message.subject });
    expect(got.text.trim()).toBe(message.text);
    expect(got.html).toContain('<b>Анна Сергеевна</b>');
    expect(got.headers?.['list-unsubscribe']).toBe('<https://mfc.localhost/unsubscribe/abc>');
    expect(got.headers?.from).toContain('МФЦ «Мои документы»');
  });

  it('sends several messages over the pooled connections', async () => {
    const messages = [1, 2, 3, 4].map((n) => email(`person${n}@example.ru`));
    const results = await Promise.all(messages.map((m) => smtp.send(m)));
    expect(results.map((r) => r.outcome)).toEqual(['sent', 'sent', 'sent', 'sent']);
    for (const m of messages) await gateways.waitFor((got) => got.id === m.id);
  });

  it('makes an unknown mailbox (550) permanent, without the address in the reason', async () => {
    const result = await smtp.send(email('reject.ivanov@example.ru'));
    expect(result).toEqual({ outcome: 'permanent', reason: '550 5.1.1 mailbox unavailable' });
  });

  it('retries a temporary refusal (451)', async () => {
    const result = await smtp.send(email('tempfail@example.ru'));
    expect(result).toEqual({ outcome: 'retry', reason: '451 4.3.0 local error in processing' });
  });

  it('makes an address nodemailer cannot use permanent', async () => {
    expect(await smtp.send(email('not an address'))).toEqual({
      outcome: 'permanent',
      reason: 'no valid recipient address',
    });
    expect(await smtp.send(email('anna@'))).toEqual({
      outcome: 'permanent',
      reason: '501 syntax error in the address',
    });
  });

  it('retries when the SMTP server is unreachable', async () => {
    const down = smtpChannel({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, smtpFrom: from });
    expect(await down.send(email('anna@example.ru'))).toEqual({
      outcome: 'retry',
      reason: 'SMTP connection refused',
    });
    await down.close?.();
  });
});

describe('SMS over the JSON gateway', () => {
  it('delivers a message and keeps the id the gateway gave', async () => {
    const message = sms('+79001234567');
    const result = await json.send(message);
    const got = await gateways.waitFor((m) => m.id === message.id);
    expect(got).toMatchObject({ channel: 'sms', to: '+79001234567', text: message.text, sender: 'MFC48' });
    expect(result).toEqual({ outcome: 'sent', providerId: got.gatewayId });
  });

  it('makes an invalid number permanent and a 503 a retry', async () => {
    expect(await json.send(sms('+79000000000'))).toEqual({
      outcome: 'permanent',
      reason: 'SMS gateway HTTP 422: invalid number',
    });
    expect(await json.send(sms('+79009999999'))).toEqual({
      outcome: 'retry',
      reason: 'SMS gateway HTTP 503: gateway temporarily unavailable',
    });
  });

  it('retries the failures asked of the gateway, then sends', async () => {
    await gateways.control({ failNext: 2, status: 500 });
    expect(await json.send(sms('+79001234567'))).toMatchObject({
      outcome: 'retry',
      reason: 'SMS gateway HTTP 500: simulated failure',
    });
    expect(await smsru.send(sms('+79001234567'))).toEqual({ outcome: 'retry', reason: 'sms.ru HTTP 500' });
    expect(await json.send(sms('+79001234567'))).toMatchObject({ outcome: 'sent' });
  });

  it('retries when the gateway is unreachable or does not answer in time', async () => {
    const down = jsonGatewayChannel({ url: `http://127.0.0.1:${await closedPort()}/sms` });
    expect(await down.send(sms('+79001234567'))).toEqual({
      outcome: 'retry',
      reason: 'SMS gateway: connection refused',
    });
    const silent: Server = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const slow = jsonGatewayChannel({
      url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/sms`,
      timeoutMs: 200,
    });
    expect(await slow.send(sms('+79001234567'))).toEqual({
      outcome: 'retry',
      reason: 'SMS gateway: timed out',
    });
    silent.closeAllConnections();
    await new Promise<void>((r) => silent.close(() => r()));
  });
});

describe('SMS over SMS.ru', () => {
  it('delivers a message and keeps its sms_id', async () => {
    const message = sms('+79001234567');
    const result = await smsru.send(message);
    expect(result.outcome).toBe('sent');
    const providerId = result.outcome === 'sent' ? result.providerId : undefined;
    const got = await gateways.waitFor((m) => m.gatewayId === providerId);
    expect(got).toMatchObject({
      channel: 'sms',
      format: 'smsru',
      to: '+79001234567',
      text: message.text,
      sender: 'MFC48',
    });
  });

  it('makes an invalid number (202) permanent and a 503 a retry', async () => {
    expect(await smsru.send(sms('+79000000000'))).toEqual({
      outcome: 'permanent',
      reason: 'sms.ru 202 invalid number',
    });
    expect(await smsru.send(sms('+79009999999'))).toEqual({ outcome: 'retry', reason: 'sms.ru HTTP 503' });
  });

  it('retries when SMS.ru is unreachable', async () => {
    const down = smsRuChannel({ url: `http://127.0.0.1:${await closedPort()}`, token: 'x' });
    expect(await down.send(sms('+79001234567'))).toEqual({
      outcome: 'retry',
      reason: 'sms.ru: connection refused',
    });
  });
});
