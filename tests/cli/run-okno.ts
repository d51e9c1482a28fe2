import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export type RunResult = { code: number | null; stdout: string; stderr: string };

const bin = resolve('bin/okno.js');

/** Runs `okno <args>` to completion with a clean environment plus `env`. */
export function runOkno(
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`okno ${args.join(' ')} timed out\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

export type Server = { child: ChildProcess; output: () => string; stop: () => Promise<number | null> };

/** Starts `okno start` and resolves once it serves /health, or rejects with its output. */
export async function startOkno(
  env: Record<string, string>,
  port: number,
  timeoutMs = 90_000,
): Promise<Server> {
  const child = spawn(process.execPath, [bin, 'start'], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`okno exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) {
      return {
        child,
        output: () => output,
        stop: async () => {
          child.kill('SIGTERM');
          return exited;
        },
      };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`okno did not serve within ${timeoutMs} ms:\n${output}`);
}
