import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { DevAgencyRequest } from '../../src/server/modules/cases/dev-agency.js';

export type AgencyProcess = {
  /** http://127.0.0.1:PORT — AGENCY_GATEWAY_URL. */
  url: string;
  /** Everything the process printed so far. */
  output(): string;
  requests(): Promise<DevAgencyRequest[]>;
  /** Fails the next n sends with 503. */
  failNext(n: number): Promise<void>;
  /** SIGTERM, and the exit code. */
  stop(): Promise<number | null>;
};

const bin = resolve('bin/okno.js');
const ready = /okno dev agency: (http:\/\/\S+)/;

/** Starts `okno dev agency` on a free port as a child process; resolves once it prints its address. */
export async function startAgencyProcess(args: string[] = [], timeoutMs = 30_000): Promise<AgencyProcess> {
  const child = spawn(process.execPath, [bin, 'dev', 'agency', '--port', '0', ...args], {
    env: { PATH: process.env.PATH ?? '' },
  });
  let output = '';
  // Read everything: a full pipe would stall the agency's prints and with them its answers.
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`okno dev agency printed no address within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const check = () => {
      const m = ready.exec(output);
      if (m) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolvePromise(m[1]);
      }
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`okno dev agency exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    async requests() {
      const response = await fetch(`${url}/requests`);
      return ((await response.json()) as { requests: DevAgencyRequest[] }).requests;
    },
    async failNext(n) {
      const response = await fetch(`${url}/control`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ failNext: n }),
      });
      if (!response.ok) throw new Error(`POST /control: ${response.status}`);
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
