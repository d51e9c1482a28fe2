import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { testConfig } from '../../src/server/config.js';
import { type Database, openDatabase } from '../../src/server/db/client.js';
import type { BoardCall, StaffTicket } from '../../src/shared/queue.js';
import { staffClient } from '../support/admin.js';
import { createPostgresDatabase } from '../support/databases.js';
import { openEventStream, type SseEvent } from '../support/sse.js';

// Tuesday 1 December 2026, 12:00 in Lipetsk: the office is open.
const now = new Date('2026-12-01T09:00:00Z');
const office = 'lip-kosmonavtov';

describe('queue on two instances of okno on one PostgreSQL', { timeout: 60_000 }, () => {
  let drop: () => Promise<void>;
  const databases: Database[] = [];
  const apps: FastifyInstance[] = [];

  beforeAll(async () => {
    const created = await createPostgresDatabase();
    drop = created.drop;
    for (let i = 0; i < 2; i++) {
      const database = await openDatabase({ kind: 'postgres', url: created.url, poolSize: 4 });
      const app = await buildApp({
        config: testConfig(),
        database,
        webDir: '/nonexistent',
        clock: () => now,
      });
      await app.listen({ port: 0, host: '127.0.0.1' });
      databases.push(database);
      apps.push(app);
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const database of databases) await database.close();
    await drop?.();
  });

  const baseOf = (app: FastifyInstance) => {
    const address = app.server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  };

  it('a call made through one instance reaches the boards connected to the other, once each, in order', async () => {
    const [first, second] = apps;
    const operator = await staffClient(first, databases[0], [
      { role: 'operator', scope: { kind: 'offices', offices: [office] } },
    ]);
    const boards = [0, 1, 2].map(() =>
      openEventStream(`${baseOf(second)}/api/offices/${office}/board/events?after=0`),
    );
    await Promise.all(boards.map((b) => b.ready));
    expect(boards.map((b) => b.status())).toEqual([200, 200, 200]);

    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const issued = await operator.call({
        method: 'POST',
        url: `/api/offices/${office}/tickets`,
        payload: { purpose: 'consult' },
      });
      expect(issued.statusCode, issued.body).toBe(201);
      numbers.push(issued.json().number);
    }
    expect(
      (await operator.call({ method: 'POST', url: `/api/offices/${office}/windows/7/open`, payload: {} }))
        .statusCode,
    ).toBe(200);
    // Issued at the same pinned instant, the three tie on their wait: call-next breaks the tie by id, so
    // the order of the calls (the boards' order) is the one call-next answered, not the order of issue.
    const called: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await operator.call({
        method: 'POST',
        url: `/api/offices/${office}/windows/7/call-next`,
        payload: {},
      });
      const ticket = (res.json() as { ticket: StaffTicket }).ticket;
      called.push(ticket.number);
      await operator.call({ method: 'POST', url: `/api/tickets/${ticket.id}/start`, payload: {} });
      await operator.call({
        method: 'POST',
        url: `/api/tickets/${ticket.id}/finish`,
        payload: { outcome: 'consultation_given' },
      });
    }
    expect([...called].sort()).toEqual([...numbers].sort());
    const calls = (events: SseEvent[]) => events.filter((e) => e.event === 'call');
    for (const board of boards) {
      await board.waitFor((events) => calls(events).length >= 3);
      const received = calls(board.events).map((e) => ({ id: e.id, call: JSON.parse(e.data) as BoardCall }));
      expect(received.map((r) => r.call.number)).toEqual(called);
      expect(received.map((r) => r.call.window)).toEqual([7, 7, 7]);
      expect(received.map((r) => r.id)).toEqual(received.map((r) => String(r.call.seq)));
      expect(new Set(received.map((r) => r.call.seq)).size).toBe(3);
    }
    // the number waiting reached the other instance's boards too
    await boards[0].waitFor((events) =>
      events.some((e) => e.event === 'queue' && JSON.parse(e.data).waiting === 0),
    );
    for (const board of boards) board.close();
  });
});
