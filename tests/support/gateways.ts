import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { DevMessage } from '../../src/server/modules/notifications/dev-gateways.js';

export type Msg = DevMessage;

export type GatewayProcess = {
  /** smtp://127.0.0.1:PORT — SMTP_URL. */
  smtpUrl: string;
  /** http://127.0.0.1:PORT/sms — SMS_GATEWAY_URL, for both formats. */
  smsUrl: string;
  /** http://127.0.0.1:PORT — the control endpoints (/messages, /control). */
  baseUrl: string;
  /** Everything the process printed so far. */
  output(): string;
  messages(): Promise<Msg[]>;
  /** The first message received (already or within timeoutMs) that matches. */
  waitFor(predicate: (m: Msg) => boolean, timeoutMs?: number): Promise<Msg>;
  clear(): Promise<void>;
  control(body: { failNext: number; status?: number }): Promise<void>;
  /** SIGTERM, and the exit code. */
  stop(): Promise<number | null>;
};

const bin = resolve('bin/okno.js');
const ready = /okno dev gateways: smtp (\S+):(\d+) sms (http:\/\/\S+)/;

/** Starts `okno dev gateways` on free ports as a child process; resolves once it prints its ports. */
export async function startGatewayProcess(timeoutMs = 30_000): Promise<GatewayProcess> {
  const child = spawn(process.execPath, [bin, 'dev', 'gateways', '--smtp-port', '0', '--sms-port', '0'], {
    env: { PATH: process.env.PATH ?? '' },
  });
  let output = '';
  // Read everything: a full pipe would stall the gateway's prints and with them its answers.
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const match = await new Promise<RegExpExecArray>((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`okno dev gateways printed no ports within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const check = () => {
      const m = ready.exec(output);
      if (m) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolvePromise(m);
      }
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`okno dev gateways exited with ${code}:\n${output}`));
    });
  });
  const [, host, smtpPort, baseUrl] = match;

  const messages = async (): Promise<Msg[]> => {
    const response = await fetch(`${baseUrl}/messages`);
    return ((await response.json()) as { messages: Msg[] }).messages;
  };

  return {
    smtpUrl: `smtp://${host}:${smtpPort}`,
    smsUrl: `${baseUrl}/sms`,
    baseUrl,
    output: () => output,
    messages,
    async waitFor(predicate, waitMs = 5_000) {
      const deadline = Date.now() + waitMs;
      for (;;) {
        const found = (await messages()).find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no such message within ${waitMs} ms:\n${output}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async clear() {
      await fetch(`${baseUrl}/messages`, { method: 'DELETE' });
    },
    async control(body) {
      const response = await fetch(`${baseUrl}/control`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`POST /control: ${response.status}`);
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
