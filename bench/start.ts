import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** A running `npm start`, timed from spawn to the first 200 from /health. */
export type Started = {
  child: ChildProcess;
  msToServe: number;
  rssMiB: () => number;
  stop: () => Promise<void>;
};

export async function timedStart(env: Record<string, string>, port: number): Promise<Started> {
  const t0 = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`okno exited:\n${output}`);
    if (performance.now() - t0 > 180_000) throw new Error(`okno did not start:\n${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const msToServe = performance.now() - t0;
  return {
    child,
    msToServe,
    rssMiB: () => serverRssMiB(child.pid!),
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    },
  };
}

/** The resident memory of the node server under the npm process group (the largest process). */
function serverRssMiB(groupId: number): number {
  const pids = listGroup(groupId);
  let max = 0;
  for (const pid of pids) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      max = Math.max(max, kb);
    } catch {}
  }
  return Math.round(max / 1024);
}

function listGroup(groupId: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return Number(fields[2]) === groupId;
      } catch {
        return false;
      }
    });
}

/** CPU time (user + system, ms) used so far by the processes of a group (`npm start` and its node server). */
export function groupCpuMs(groupId: number): number {
  let ticks = 0;
  for (const pid of listGroup(groupId)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {}
  }
  // Linux counts in clock ticks of 1/100 s (USER_HZ)
  return ticks * 10;
}
