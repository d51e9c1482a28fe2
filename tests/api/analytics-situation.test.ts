import type { AddressInfo } from 'node:net';
import { sql } from '../../src/server/db/client.js';
import type { Situation, SituationOffice } from '../../src/shared/analytics.js';
import { staffClient } from '../support/admin.js';
import { describeOnBackends } from '../support/app.js';
import { readSse } from '../support/board.js';

type Client = Awaited<ReturnType<typeof staffClient>>;
const office = 'lip-kosmonavtov';
const other = 'elets-oktyabrskaya';
const kioskToken = 'demo-kiosk-lip-kosmonavtov';
// Tuesday 1 December 2026, 12:00 in Lipetsk (Moscow time): the office is open 08:00–20:00.
const noon = new Date('2026-12-01T09:00:00Z');
let now = noon;
const minutesLater = (m: number) => new Date(noon.getTime() + m * 60_000);

describeOnBackends(
  'the situational center: every office live, its alerts, the scope',
  (ctx) => {
    let analyst: Client;
    let head: Client;
    let otherHead: Client;
    let operator: Client;

    beforeAll(async () => {
      const db = ctx().database;
      analyst = await staffClient(ctx().app, db, [{ role: 'analyst', scope: { kind: 'region' } }]);
      head = await staffClient(ctx().app, db, [
        { role: 'office_head', scope: { kind: 'offices', offices: [office] } },
      ]);
      otherHead = await staffClient(ctx().app, db, [
        { role: 'office_head', scope: { kind: 'offices', offices: [other] } },
      ]);
      operator = await staffClient(ctx().app, db, [
        { role: 'operator', scope: { kind: 'offices', offices: [office] } },
      ]);
    });
    beforeEach(() => {
      now = noon;
    });

    const read = async (client: Client): Promise<Situation> => {
      const res = await client.call({ method: 'GET', url: '/api/analytics/situation' });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const officeIn = (s: Situation, code = office): SituationOffice => {
      const found = s.offices.find((o) => o.code === code);
      if (!found) throw new Error(`${code} is not in the situation`);
      return found;
    };
    const kinds = (o: SituationOffice) => o.alerts.map((a) => a.kind);
    const post = (client: Client, url: string, payload: Record<string, unknown> = {}) =>
      client.call({ method: 'POST', url, payload });

    it('refuses the anonymous (401) and an operator (403), on the state and the stream', async () => {
      for (const url of ['/api/analytics/situation', '/api/analytics/situation/stream']) {
        const anonymous = await ctx().app.inject({ method: 'GET', url });
        expect(anonymous.statusCode, url).toBe(401);
        const refused = await operator.call({ method: 'GET', url });
        expect(refused.statusCode, url).toBe(403);
        expect(refused.json().error.code).toBe('FORBIDDEN');
      }
    });

    it('shows an analyst every open office of the region with its place and figures', async () => {
      const s = await read(analyst);
      expect(s.targetWaitMinutes).toBe(15);
      expect(s.at).toBe(noon.toISOString());
      expect(s.offices.length).toBeGreaterThan(100);
      const o = officeIn(s);
      expect(o).toMatchObject({ open: true, kind: 'main', waiting: 0, longestWaitMinutes: null });
      expect(o.lat).toEqual(expect.any(Number));
      expect(o.lon).toEqual(expect.any(Number));
      expect(o.windowsTotal).toBeGreaterThan(0);
      expect(o.district).toBe('городской округ город Липецк');
    });

    it('narrows an office head to their offices (in SQL), whoever else has alerts', async () => {
      const own = await read(head);
      expect(own.offices.map((o) => o.code)).toEqual([office]);
      const theirs = await read(otherHead);
      expect(theirs.offices.map((o) => o.code)).toEqual([other]);
    });

    it('raises wait_over_target once someone has waited over 15 minutes', async () => {
      const issued = await post(operator, `/api/offices/${office}/tickets`, { purpose: 'consult' });
      expect(issued.statusCode, issued.body).toBe(201);
      now = minutesLater(10);
      const early = officeIn(await read(analyst));
      expect(early.waiting).toBe(1);
      expect(early.longestWaitMinutes).toBe(10);
      expect(kinds(early)).not.toContain('wait_over_target');
      now = minutesLater(16);
      const late = officeIn(await read(analyst));
      expect(late.longestWaitMinutes).toBe(16);
      expect(late.alerts).toContainEqual({
        kind: 'wait_over_target',
        minutes: 16,
        window: null,
        kiosk: null,
      });
      expect(late.visitsToday).toBeGreaterThanOrEqual(1);
      // the office head sees the same alert on their office
      expect(kinds(officeIn(await read(head)))).toContain('wait_over_target');
      // another office is untouched
      expect(kinds(officeIn(await read(analyst), other))).not.toContain('wait_over_target');
    });

    it('raises window_closed for a window closed during the office’s hours, not while it is open', async () => {
      now = minutesLater(1);
      expect((await post(operator, `/api/offices/${office}/windows/2/open`)).statusCode).toBe(200);
      const open = officeIn(await read(analyst));
      expect(open.windowsOpen).toBe(1);
      expect(open.predictedWaitMinutes).toEqual(expect.any(Number));
      expect(open.alerts.filter((a) => a.kind === 'window_closed')).toEqual([]);
      now = minutesLater(2);
      expect((await post(operator, `/api/offices/${office}/windows/2/close`)).statusCode).toBe(200);
      const closed = officeIn(await read(analyst));
      expect(closed.windowsOpen).toBe(0);
      expect(closed.predictedWaitMinutes).toBeNull();
      expect(closed.alerts).toContainEqual({ kind: 'window_closed', minutes: null, window: 2, kiosk: null });
      // after the office closes (20:00), a closed window is no alert
      now = new Date('2026-12-01T17:30:00Z');
      const evening = officeIn(await read(analyst));
      expect(evening.open).toBe(false);
      expect(kinds(evening)).not.toContain('window_closed');
    });

    it('raises kiosk_offline for an enrolled kiosk not heard from in five minutes', async () => {
      const label = 'Инфомат в зале ожидания';
      const seen = await ctx().app.inject({
        method: 'GET',
        url: `/api/offices/${office}/kiosk`,
        headers: { 'x-kiosk-token': kioskToken },
      });
      expect(seen.statusCode, seen.body).toBe(200);
      const offline = (o: SituationOffice) =>
        o.alerts.filter((a) => a.kind === 'kiosk_offline').map((a) => a.kiosk);
      now = minutesLater(5);
      expect(offline(officeIn(await read(analyst)))).toEqual([]);
      now = minutesLater(6);
      expect(offline(officeIn(await read(analyst)))).toEqual([label]);
    });

    it('compares today’s visits with the mean of the four previous same weekdays (the rollups)', async () => {
      await ctx().database.db.execute(sql`
        insert into analytics_rollups (grain, period, office_code, service_code, visits) values
          ('d', '2026-11-24', ${office}, '*', 10), ('d', '2026-11-17', ${office}, '*', 20),
          ('d', '2026-11-25', ${office}, '*', 500), ('d', '2026-11-24', ${office}, 'egrn-extract', 300)
        on conflict (service_code, grain, period, office_code) do update set visits = excluded.visits`);
      const o = officeIn(await read(analyst));
      // (10 + 20 + 0 + 0) / 4: a Wednesday and one service's row do not count
      expect(o.usualVisits).toBe(7.5);
      expect(officeIn(await read(analyst), other).usualVisits).toBeNull();
    });

    it('streams `changed` to a screen whose scope holds the office, not to others', async () => {
      await ctx().app.listen({ port: 0, host: '127.0.0.1' });
      const base = `http://127.0.0.1:${(ctx().app.server.address() as AddressInfo).port}`;
      const mine = readSse(`${base}/api/analytics/situation/stream`, { cookie: head.session.cookie });
      const theirs = readSse(`${base}/api/analytics/situation/stream`, { cookie: otherHead.session.cookie });
      try {
        await mine.until(() => mine.status() === 200);
        await theirs.until(() => theirs.status() === 200);
        expect(mine.contentType()).toContain('text/event-stream');
        const issued = await post(operator, `/api/offices/${office}/tickets`, { purpose: 'consult' });
        expect(issued.statusCode).toBe(201);
        await mine.until(() => mine.events.some((e) => e.event === 'changed'));
        expect(JSON.parse(mine.events[0].data)).toEqual({ offices: [office] });
        // the other office head's screen heard nothing of it (it would have come with the first)
        await new Promise((r) => setTimeout(r, 300));
        expect(theirs.events).toEqual([]);
      } finally {
        await mine.close();
        await theirs.close();
      }
    });
  },
  { clock: () => now },
);
