import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A simulated agency for development and tests (`okno dev agency`): it takes interagency requests over HTTP
 * in the protocol of `httpAgencyAdapter`, answers each after a delay, and fails a share of the sends with
 * 503 (retryable); a malformed request gets 400 (permanent). What it receives is printed and kept:
 *
 * - `POST /requests` `{id, agency, subject, case?, office?}` → 202 `{externalId}` (the same id again for
 *   the same okno id: a repeated send is not doubled);
 * - `GET /requests/{externalId}` → `{status: 'pending'}` until the delay has passed, then
 *   `{status: 'answered', answer: {text, reference}}`; 404 for an unknown id;
 * - `GET /requests` → every request received; `POST /control {failNext: n}` fails the next n sends with 503.
 *
 * The failures draw on a seeded generator: the same seed fails the same sends.
 */

export type DevAgencyOptions = {
  port?: number;
  host?: string;
  delayMs?: number;
  /** The share of sends refused with 503, 0..1. */
  failureRate?: number;
  seed?: number;
  print?: boolean;
  /** The agency's clock (tests). */
  clock?: () => number;
};

export type DevAgencyRequest = {
  externalId: string;
  id: string;
  agency: string;
  subject: string;
  case: string | null;
  office: string | null;
  receivedAt: string;
  answerAt: string;
};

export type DevAgency = {
  host: string;
  port: number;
  url: string;
  requests(): DevAgencyRequest[];
  close(): Promise<void>;
};

/** mulberry32: a small seeded generator, enough to pick which sends fail. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const devAgencyAnswer = (r: Pick<DevAgencyRequest, 'subject' | 'externalId'>) =>
  `Ответ на межведомственный запрос «${r.subject}»: сведения предоставлены (${r.externalId}).`;

const MAX_BODY = 64 * 1024;

export async function startDevAgency(opts: DevAgencyOptions = {}): Promise<DevAgency> {
  const delayMs = opts.delayMs ?? 2000;
  const failureRate = opts.failureRate ?? 0;
  const random = seededRandom(opts.seed ?? 1);
  const clock = opts.clock ?? Date.now;
  const print = opts.print ?? false;
  const byExternal = new Map<string, DevAgencyRequest>();
  const byId = new Map<string, DevAgencyRequest>();
  let failNext = 0;
  let counter = 0;

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  const readJson = (req: IncomingMessage) =>
    new Promise<unknown>((resolve) => {
      let size = 0;
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= MAX_BODY) chunks.push(c);
      });
      req.on('end', () => {
        if (size > MAX_BODY) return resolve(undefined);
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch {
          resolve(undefined);
        }
      });
    });
  const log = (line: string) => {
    if (print) console.log(line);
  };
  const text = (v: unknown, max: number) => typeof v === 'string' && v.trim() !== '' && v.length <= max;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://agency');
    if (req.method === 'POST' && url.pathname === '/requests') {
      const body = (await readJson(req)) as Record<string, unknown> | undefined;
      if (
        !body ||
        typeof body !== 'object' ||
        !text(body.id, 100) ||
        !text(body.subject, 2000) ||
        !text(body.agency, 64)
      ) {
        log('agency: refused a malformed request (400)');
        return send(res, 400, { error: 'malformed request: id, agency and subject are required' });
      }
      const known = byId.get(body.id as string);
      if (known) return send(res, 202, { externalId: known.externalId });
      if (failNext > 0 || random() < failureRate) {
        if (failNext > 0) failNext--;
        log(`agency: request ${body.id} → 503 (simulated failure)`);
        return send(res, 503, { error: 'the agency is temporarily unavailable' });
      }
      counter++;
      const now = clock();
      const made: DevAgencyRequest = {
        externalId: `SIM-${String(counter).padStart(6, '0')}`,
        id: body.id as string,
        agency: body.agency as string,
        subject: body.subject as string,
        case: typeof body.case === 'string' ? body.case : null,
        office: typeof body.office === 'string' ? body.office : null,
        receivedAt: new Date(now).toISOString(),
        answerAt: new Date(now + delayMs).toISOString(),
      };
      byExternal.set(made.externalId, made);
      byId.set(made.id, made);
      log(
        `agency: received ${made.externalId} for ${made.agency} (case ${made.case ?? '—'}): «${made.subject}», answer at ${made.answerAt}`,
      );
      return send(res, 202, { externalId: made.externalId });
    }
    if (req.method === 'GET' && url.pathname === '/requests')
      return send(res, 200, { requests: [...byExternal.values()] });
    const one = /^\/requests\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && one) {
      const found = byExternal.get(decodeURIComponent(one[1]));
      if (!found) return send(res, 404, { error: 'no such request' });
      if (clock() < Date.parse(found.answerAt)) return send(res, 200, { status: 'pending' });
      return send(res, 200, {
        status: 'answered',
        answer: { text: devAgencyAnswer(found), reference: found.externalId },
      });
    }
    if (req.method === 'POST' && url.pathname === '/control') {
      const body = (await readJson(req)) as { failNext?: unknown } | undefined;
      if (typeof body?.failNext !== 'number' || !Number.isInteger(body.failNext) || body.failNext < 0)
        return send(res, 400, { error: 'expected {failNext: n}' });
      failNext = body.failNext;
      return send(res, 200, { failNext });
    }
    send(res, 404, { error: 'not found' });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    host,
    port,
    url: `http://${host}:${port}`,
    requests: () => [...byExternal.values()],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
