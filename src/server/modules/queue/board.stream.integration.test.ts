import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOnBackends } from '../../../../tests/support/app.js';
import {
  callTicketDirect,
  issueAndCall,
  issueTicketDirect,
  readSse,
} from '../../../../tests/support/board.js';
import { createPostgresDatabase } from '../../../../tests/support/databases.js';
import { buildOffice } from '../../../../tests/support/factories.js';
import { boardStateSchema } from '../../../shared/queue.js';
import { buildApp } from '../../app.js';
import { testConfig } from '../../config.js';
import { type Database, openDatabase } from '../../db/client.js';

describeOnBackends('the board stream', (ctx) => {
  let base = '';
  beforeAll(async () => {
    await ctx().app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(ctx().app.server.address() as AddressInfo).port}`;
  });

  const newOffice = () =>
    buildOffice(ctx().database.db, {
      windows: [1, 2, 3, 4, 5].map((n) => ({
        number: n,
        label: `Окно ${n}`,
        serviceCodes: [],
        categoryCodes: [],
      })),
    });
  const board = async (office: string) =>
    boardStateSchema.parse(await (await fetch(`${base}/api/offices/${office}/board`)).json());
  const seqs = (reader: ReturnType<typeof readSse>) => reader.calls().map((c) => c.seq);
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  it('shows the latest calls newest first and the sequence the stream continues from', async () => {
    const office = await newOffice();
    expect(await board(office)).toMatchObject({ waiting: 0, calls: [], lastSeq: 0, message: null });
    await issueTicketDirect(ctx().database, office);
    const first = await issueAndCall(ctx().database, office, 2);
    const second = await issueAndCall(ctx().database, office, 5);
    const state = await board(office);
    expect(state.waiting).toBe(1);
    expect(state.lastSeq).toBe(second.seq);
    expect(state.calls.map((c) => [c.number, c.window, c.label])).toEqual([
      [second.number, 5, 'Окно 5'],
      [first.number, 2, 'Окно 2'],
    ]);
    expect(first.number).toMatch(/^А-\d{3}$/);
  });

  it('answers 404 for an office that does not exist, on the state and the stream', async () => {
    expect((await fetch(`${base}/api/offices/no-such-office/board`)).status).toBe(404);
    expect((await fetch(`${base}/api/offices/no-such-office/board/events`)).status).toBe(404);
  });

  it('refuses a bad starting point with 400 in the error shape, never a stream or a 5xx', async () => {
    for (const after of ['-1', 'abc', '1e308', '9007199254740993x', '']) {
      const res = await fetch(
        `${base}/api/offices/lip-kosmonavtov/board/events?after=${encodeURIComponent(after)}`,
      );
      if (after === '') {
        // an empty value is no starting point: the stream opens from now
        expect(res.status).toBe(200);
        await res.body?.cancel();
        continue;
      }
      expect(res.status, after).toBe(400);
      expect((await res.json()).error.code).toBe('VALIDATION');
    }
    const bogusId = await fetch(`${base}/api/offices/lip-kosmonavtov/board/events`, {
      headers: { 'last-event-id': '../../etc' },
    });
    // an id the board never sent is ignored: the stream starts from now
    expect(bogusId.status).toBe(200);
    await bogusId.body?.cancel();
  });

  it('sends a board connected after N the calls N+1… in order, as SSE with the call as data', async () => {
    const office = await newOffice();
    const before = await issueAndCall(ctx().database, office, 1);
    await issueAndCall(ctx().database, office, 1);
    const stream = readSse(`${base}/api/offices/${office}/board/events?after=${before.seq}`);
    try {
      await stream.until(() => stream.calls().length >= 1);
      expect(stream.status()).toBe(200);
      expect(stream.contentType()).toMatch(/^text\/event-stream/);
      for (let i = 0; i < 5; i++) await issueAndCall(ctx().database, office, 3);
      await stream.until(() => stream.calls().length >= 6);
      expect(seqs(stream)).toEqual(range(before.seq + 1, before.seq + 6));
      const call = stream.events.find((e) => e.event === 'call');
      expect(call?.id).toBe(String(before.seq + 1));
      expect(stream.calls()[5]).toMatchObject({ window: 3, recall: false, label: 'Окно 3' });
    } finally {
      await stream.close();
    }
  });

  it('marks a recall and starts from now without after or Last-Event-ID', async () => {
    const office = await newOffice();
    await issueAndCall(ctx().database, office, 1);
    const stream = readSse(`${base}/api/offices/${office}/board/events`);
    try {
      await stream.until(() => stream.status() === 200);
      const t = await issueTicketDirect(ctx().database, office);
      const called = await callTicketDirect(ctx().database, t.id, 4);
      const recalled = await callTicketDirect(ctx().database, t.id, 4, true);
      await stream.until(() => stream.calls().length >= 2);
      expect(stream.calls()).toMatchObject([
        { seq: called.seq, number: t.number, recall: false },
        { seq: recalled.seq, number: t.number, recall: true },
      ]);
    } finally {
      await stream.close();
    }
  });

  it('catches a reconnecting board up from Last-Event-ID: no call missed, none repeated', async () => {
    const office = await newOffice();
    const url = `${base}/api/offices/${office}/board/events`;
    const first = readSse(`${url}?after=0`);
    await first.until(() => first.status() === 200);
    for (let i = 0; i < 3; i++) await issueAndCall(ctx().database, office, 1);
    await first.until(() => first.calls().length >= 3);
    await first.close();
    const lastId = first.events.filter((e) => e.id !== undefined).at(-1)?.id as string;
    // Calls made while the board was away.
    for (let i = 0; i < 4; i++) await issueAndCall(ctx().database, office, 2);
    // Last-Event-ID wins over the `after` the page was first opened with.
    const again = readSse(`${url}?after=0`, { 'last-event-id': lastId });
    try {
      await again.until(() => again.calls().length >= 4);
      for (let i = 0; i < 2; i++) await issueAndCall(ctx().database, office, 3);
      await again.until(() => again.calls().length >= 6);
      await new Promise((r) => setTimeout(r, 300));
      expect([...seqs(first), ...seqs(again)]).toEqual(range(1, 9));
    } finally {
      await again.close();
    }
  });

  it('gives 50 boards of one office the same calls in the same order', async () => {
    const office = await newOffice();
    const boards = Array.from({ length: 50 }, () =>
      readSse(`${base}/api/offices/${office}/board/events?after=0`),
    );
    try {
      await Promise.all(boards.map((b) => b.until(() => b.status() === 200)));
      const made = [];
      for (let i = 0; i < 10; i++) made.push(await issueAndCall(ctx().database, office, (i % 5) + 1));
      await Promise.all(boards.map((b) => b.until(() => b.calls().length >= 10)));
      await new Promise((r) => setTimeout(r, 300));
      for (const b of boards) expect(b.calls().map((c) => c.number)).toEqual(made.map((m) => m.number));
      for (const b of boards) expect(seqs(b)).toEqual(range(1, 10));
    } finally {
      await Promise.all(boards.map((b) => b.close()));
    }
  });

  it('keeps the order when calls of two windows commit at once', async () => {
    const office = await newOffice();
    const stream = readSse(`${base}/api/offices/${office}/board/events?after=0`);
    try {
      await stream.until(() => stream.status() === 200);
      await Promise.all(
        Array.from({ length: 12 }, (_, i) => issueAndCall(ctx().database, office, (i % 5) + 1)),
      );
      await stream.until(() => stream.calls().length >= 12);
      await new Promise((r) => setTimeout(r, 300));
      expect(seqs(stream)).toEqual(range(1, 12));
    } finally {
      await stream.close();
    }
  });

  it('sends the number waiting as a queue event on a change', async () => {
    const office = await newOffice();
    const stream = readSse(`${base}/api/offices/${office}/board/events`);
    try {
      await stream.until(() => stream.status() === 200);
      await issueTicketDirect(ctx().database, office);
      await issueTicketDirect(ctx().database, office);
      const queue = () => stream.events.filter((e) => e.event === 'queue');
      await stream.until(() => queue().some((e) => JSON.parse(e.data).waiting === 2));
      expect(queue().every((e) => e.id === undefined)).toBe(true);
    } finally {
      await stream.close();
    }
  });
});

describe('the board stream across two instances on one PostgreSQL', () => {
  let made: { url: string; drop: () => Promise<void> };
  const instances: { database: Database; app: FastifyInstance; base: string }[] = [];
  beforeAll(async () => {
    made = await createPostgresDatabase();
    for (let i = 0; i < 2; i++) {
      const database = await openDatabase({ kind: 'postgres', url: made.url, poolSize: 4 });
      const app = await buildApp({ config: testConfig(), database, webDir: '/nonexistent' });
      await app.listen({ port: 0, host: '127.0.0.1' });
      instances.push({
        database,
        app,
        base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
      });
    }
  });
  afterAll(async () => {
    for (const { app, database } of instances) {
      await app.close();
      await database.close();
    }
    await made?.drop();
  });

  it('brings a call made through one instance to a board connected to the other, in order', async () => {
    const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
    const office = await buildOffice(a.database.db);
    const stream = readSse(`${b.base}/api/offices/${office}/board/events?after=0`);
    try {
      await stream.until(() => stream.status() === 200);
      for (let i = 0; i < 5; i++) await issueAndCall(a.database, office, 1);
      await stream.until(() => stream.calls().length >= 5);
      expect(stream.calls().map((c) => c.seq)).toEqual([1, 2, 3, 4, 5]);
    } finally {
      await stream.close();
    }
  });

  it('ends its open streams when the app closes, so a shutdown does not wait for the boards', async () => {
    const database = await openDatabase({ kind: 'postgres', url: made.url, poolSize: 2 });
    const app = await buildApp({ config: testConfig(), database, webDir: '/nonexistent' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const stream = readSse(`${base}/api/offices/lip-kosmonavtov/board/events`);
    await stream.until(() => stream.status() === 200);
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(3000);
    await stream.close();
    await database.close();
  });
});
