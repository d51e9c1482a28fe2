import type { LoadResult } from './load.js';
import { load } from './load.js';

/**
 * Sign-in cost and the cost of authorization on a read. Sign-in must stay deliberately slow
 * (memory-hard hash); an authenticated read should cost little more than an anonymous one.
 */
export async function authBench(
  kind: string,
  base: string,
  seconds: number,
): Promise<{ hashMs: number; loads: LoadResult[] }> {
  const hashMs = await timeSignIns(base, 20);
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'catalog_editor', password: 'demo' }),
  });
  if (!login.ok) return { hashMs, loads: [] };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const path = '/api/services?limit=20';
  const loads = [
    await load(`${kind} catalog read, anonymous`, base, [path], { seconds }),
    await load(`${kind} catalog read, with a staff session`, base, [path], { seconds, headers: { cookie } }),
    await load(`${kind} GET /api/auth/me (session check)`, base, ['/api/auth/me'], {
      seconds,
      headers: { cookie },
    }),
  ];
  return { hashMs, loads };
}

async function timeSignIns(base: string, count: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'analyst', password: 'demo' }),
    });
  }
  return Math.round((performance.now() - t0) / count);
}
