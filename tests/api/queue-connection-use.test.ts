import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../src/server/app.js';
import { testConfig } from '../../src/server/config.js';
import type { Database } from '../../src/server/db/client.js';
import type { StaffTicket } from '../../src/shared/queue.js';
import { staffClient } from '../support/admin.js';
import { openTestDatabase } from '../support/databases.js';

/**
 * A transaction is one connection: node-postgres runs its statements one after another, and a statement sent
 * while another is still running on that client is deprecated in pg 8 ("Calling client.query() when the
 * client is already executing a query") and refused by pg 9. The queue's writes must await each statement
 * of their transaction in turn. PostgreSQL only: PGlite has no such client.
 */

const office = 'lip-kosmonavtov';
// Tuesday 1 December 2026, 12:00 in Lipetsk: the office is open.
const noon = new Date('2026-12-01T09:00:00Z');

type Overlap = { sql: string };

/** Every statement sent to a node-postgres client that was still busy with another, while `fn` runs. */
async function overlapsDuring(fn: () => Promise<void>): Promise<Overlap[]> {
  const proto = pg.Client.prototype as unknown as {
    query: (this: { _queryQueue?: unknown[] }, ...args: unknown[]) => unknown;
  };
  const original = proto.query;
  const found: Overlap[] = [];
  proto.query = function (this: { _queryQueue?: unknown[] }, ...args: unknown[]) {
    // pg 8 warns (and pg 9 throws) exactly when a query arrives with others already queued on the client
    if ((this._queryQueue?.length ?? 0) > 0) {
      const first = args[0] as string | { text?: string };
      const text = typeof first === 'string' ? first : (first?.text ?? '?');
      found.push({ sql: text.replace(/\s+/g, ' ').slice(0, 100) });
    }
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return found;
}

/** The statements that overlapped, named by their SQL (the stack of a lazily run drizzle query names no caller). */
const where = (o: Overlap[]) => o.map((x) => x.sql);

describe('the queue’s transactions on PostgreSQL send one statement at a time [postgres]', () => {
  let database: Database;
  let app: FastifyInstance;
  let operator: Awaited<ReturnType<typeof staffClient>>;

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    app = await buildApp({ config: testConfig(), database, webDir: '/nonexistent', clock: () => noon });
    await app.ready();
    operator = await staffClient(app, database, [
      { role: 'operator', scope: { kind: 'offices', offices: [office] } },
    ]);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('issues a ticket without sending a statement to a connection still busy with another', async () => {
    const overlaps = await overlapsDuring(async () => {
      for (const body of [{ purpose: 'consult' }, { service: 'egrn-extract', phone: '+79125550101' }]) {
        const res = await operator.call({
          method: 'POST',
          url: `/api/offices/${office}/tickets`,
          payload: body,
        });
        expect(res.statusCode, res.body).toBe(201);
      }
    });
    expect(where(overlaps)).toEqual([]);
  });

  it('calls, starts and finishes without sending a statement to a connection still busy with another', async () => {
    const post = (url: string, payload: Record<string, unknown> = {}) =>
      operator.call({ method: 'POST', url, payload });
    expect((await post(`/api/offices/${office}/windows/1/open`)).statusCode).toBe(200);
    const overlaps = await overlapsDuring(async () => {
      const called = await post(`/api/offices/${office}/windows/1/call-next`);
      expect(called.statusCode, called.body).toBe(200);
      const ticket = (called.json() as { ticket: StaffTicket }).ticket;
      expect((await post(`/api/tickets/${ticket.id}/start`)).statusCode).toBe(200);
      expect(
        (await post(`/api/tickets/${ticket.id}/finish`, { outcome: 'consultation_given' })).statusCode,
      ).toBe(200);
    });
    expect(where(overlaps)).toEqual([]);
  });
});
