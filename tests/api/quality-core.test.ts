import { rows, sql } from '../../src/server/db/client.js';
import { rebuildRollups, rollupSnapshot } from '../../src/server/modules/analytics/rollups.rebuild.js';
import type { AnalyticsSummary } from '../../src/shared/analytics.js';
import type { IssuedTicket, PublicTicket, StaffTicket } from '../../src/shared/queue.js';
import type { RatingTarget } from '../../src/shared/ratings.js';
import { staffClient } from '../support/admin.js';
import { describeOnBackends } from '../support/app.js';

type Client = Awaited<ReturnType<typeof staffClient>>;
const office = 'lip-kosmonavtov';
// Wednesday 2 December 2026, 11:00 in Lipetsk: the office is open.
const start = new Date('2026-12-02T08:00:00Z');
let now = start;
const later = (m: number) => new Date(start.getTime() + m * 60_000);

describeOnBackends(
  'ratings by token and the rollups a visit leaves',
  (ctx) => {
    let operator: Client;
    let analyst: Client;
    beforeAll(async () => {
      operator = await staffClient(ctx().app, ctx().database, [
        { role: 'operator', scope: { kind: 'offices', offices: [office] } },
      ]);
      analyst = await staffClient(ctx().app, ctx().database, [
        { role: 'analyst', scope: { kind: 'region' } },
      ]);
    });
    afterAll(async () => {
      await ctx().database.db.execute(
        sql`update window_states set status = 'closed', operator_id = null, pause_reason = null`,
      );
    });
    const post = (url: string, payload: Record<string, unknown> = {}) =>
      operator.call({ method: 'POST', url, payload });

    it('a finished visit is rated once through its token, and the rollups equal a recomputation', async () => {
      now = start;
      const issued = await post(`/api/offices/${office}/tickets`, { service: 'egrn-extract' });
      expect(issued.statusCode, issued.body).toBe(201);
      const ticket = issued.json() as IssuedTicket;
      expect(ticket.ratingToken).toBeNull();
      expect((await post(`/api/offices/${office}/windows/2/open`)).statusCode).toBe(200);
      now = later(17);
      const called = await post(`/api/offices/${office}/windows/2/call-next`);
      const t = called.json().ticket as StaffTicket;
      expect(t.id).toBe(ticket.id);
      expect((await post(`/api/tickets/${t.id}/start`)).statusCode).toBe(200);
      now = later(27);
      expect((await post(`/api/tickets/${t.id}/finish`, { outcome: 'consultation_given' })).statusCode).toBe(
        200,
      );
      await post(`/api/offices/${office}/windows/2/close`);

      const page = (
        await ctx().app.inject({ method: 'GET', url: `/api/tickets/${ticket.track}` })
      ).json() as PublicTicket;
      expect(page.ratingToken).toEqual(expect.any(String));
      const token = page.ratingToken as string;
      const target = await ctx().app.inject({ method: 'GET', url: `/api/ratings/${token}` });
      expect(target.statusCode, target.body).toBe(200);
      expect(target.json() as RatingTarget).toMatchObject({
        subject: 'visit',
        office: { code: office },
        service: { code: 'egrn-extract' },
        date: '2026-12-02',
        rated: false,
      });
      const scores = { time: 5, waiting: 2, staff: 5, comfort: 4, information: 3 };
      const rated = await ctx().app.inject({
        method: 'POST',
        url: `/api/ratings/${token}`,
        payload: { scores, comment: 'Долго ждал', source: 'qr' },
      });
      expect(rated.statusCode, rated.body).toBe(201);
      expect(rated.json().followUp).toBe(true);
      const again = await ctx().app.inject({
        method: 'POST',
        url: `/api/ratings/${token}`,
        payload: { scores },
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('ALREADY_RATED');
      const forged = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
      expect((await ctx().app.inject({ method: 'GET', url: `/api/ratings/${forged}` })).statusCode).toBe(404);
      // a token is opaque: anything that is not okno's is simply unknown (the router takes path parts up to 200)
      expect(
        (await ctx().app.inject({ method: 'GET', url: `/api/ratings/${'x'.repeat(190)}` })).statusCode,
      ).toBe(404);
      expect(
        (await ctx().app.inject({ method: 'POST', url: '/api/ratings/nonsense', payload: { scores } }))
          .statusCode,
      ).toBe(404);

      const summary = await analyst.call({
        method: 'GET',
        url: `/api/analytics/summary?from=2026-12-02&to=2026-12-02&office=${office}`,
      });
      expect(summary.statusCode, summary.body).toBe(200);
      const s = summary.json() as AnalyticsSummary;
      expect(s.visits).toBeGreaterThanOrEqual(1);
      expect(s.ratings).toBe(1);
      expect(s.satisfiedShare).toBeCloseTo(3 / 5);
      expect(s.shareWaitOver15).toBeGreaterThan(0);
      const byService = await analyst.call({
        method: 'GET',
        url: '/api/analytics/summary?from=2026-12-01&to=2026-12-31&service=egrn-extract',
      });
      expect((byService.json() as AnalyticsSummary).visits).toBeGreaterThanOrEqual(1);

      const period = { from: '2026-12-01', to: '2026-12-31' };
      const kept = await rollupSnapshot(ctx().database.db, period);
      expect(kept.length).toBeGreaterThan(0);
      await rebuildRollups(ctx().database.db, period);
      expect(await rollupSnapshot(ctx().database.db, period)).toEqual(kept);
      const [fu] = await rows<{ due_on: string }>(
        ctx().database.db,
        sql`select due_on::text from rating_follow_ups`,
      );
      expect(fu?.due_on).toBe('2027-01-01');
    });
  },
  { clock: () => now },
);
