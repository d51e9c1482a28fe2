import type { AnalyticsSummary, Breakdown } from '../../src/shared/analytics.js';
import { fieldsOf, staffClient } from '../support/admin.js';
import { A, B, C, districtOf, driveHistory } from '../support/analytics-history.js';
import { describeOnBackends } from '../support/app.js';

/**
 * Who sees which analytics (issue 12): the analyst the whole region, an office head only their offices, an
 * operator nothing; exports as CSV and XLSX; bad filters are a 400 naming the field, never a 500.
 */

let now = new Date('2026-12-01T09:00:00Z');
type Client = Awaited<ReturnType<typeof staffClient>>;
const period = 'from=2026-11-30&to=2026-12-02';

describeOnBackends(
  'analytics: scope, exports and bad filters',
  (ctx) => {
    let analyst: Client;
    let head: Client;
    let operator: Client;
    let admin: Client;

    beforeAll(async () => {
      await driveHistory(ctx().app, ctx().database, (at) => {
        now = at;
      });
      now = new Date('2026-12-08T09:00:00Z');
      analyst = await staffClient(ctx().app, ctx().database, [
        { role: 'analyst', scope: { kind: 'region' } },
      ]);
      head = await staffClient(ctx().app, ctx().database, [
        { role: 'office_head', scope: { kind: 'offices', offices: [A] } },
      ]);
      operator = await staffClient(ctx().app, ctx().database, [
        { role: 'operator', scope: { kind: 'offices', offices: [A] } },
      ]);
      admin = await staffClient(ctx().app, ctx().database, [{ role: 'admin', scope: { kind: 'region' } }]);
    });

    const get = (client: Client, url: string) => client.call({ method: 'GET', url });
    const summaryOf = async (client: Client, query: string) => {
      const res = await get(client, `/api/analytics/summary?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as AnalyticsSummary;
    };

    it('shows the analyst the whole region, and any office or district of it', async () => {
      expect((await summaryOf(analyst, period)).visits).toBe(10);
      expect((await summaryOf(analyst, `${period}&office=${C}`)).visits).toBe(2);
      expect((await summaryOf(analyst, `${period}&district=${districtOf[B]}`)).visits).toBe(3);
      const byOffice = await get(analyst, `/api/analytics/breakdown?by=office&${period}`);
      expect(byOffice.statusCode, byOffice.body).toBe(200);
      const keys = (byOffice.json() as Breakdown).items.filter((i) => i.visits > 0).map((i) => i.key);
      expect(keys.sort()).toEqual([A, B, C].sort());
      // the admin reads the region as well
      expect((await summaryOf(admin, period)).visits).toBe(10);
    });

    it('shows an office head only their offices', async () => {
      // without a filter: their offices' figures, never the region's
      const own = await summaryOf(head, period);
      expect(own.visits).toBe(5);
      expect(own.casesAccepted).toBe(2);
      expect(own.bookings).toBe(0);
      expect(await summaryOf(head, `${period}&office=${A}`)).toMatchObject({ visits: 5 });
      // another office, or a district that is not theirs: refused, or nothing of it shown
      for (const query of [`office=${C}`, `office=${B}`, `district=${districtOf[C]}`]) {
        const res = await get(head, `/api/analytics/summary?${period}&${query}`);
        if (res.statusCode === 200) {
          const s = res.json() as AnalyticsSummary;
          expect(s, query).toMatchObject({ visits: 0, bookings: 0, ratings: 0, casesAccepted: 0 });
        } else {
          expect(res.statusCode, `${query}: ${res.body}`).toBe(403);
          expect(res.json().error.code).toBe('FORBIDDEN');
        }
      }
      // breakdowns and top services hold their offices only
      const byOffice = await get(head, `/api/analytics/breakdown?by=office&${period}`);
      expect(byOffice.statusCode, byOffice.body).toBe(200);
      const rows = (byOffice.json() as Breakdown).items.filter((i) => i.visits > 0);
      expect(rows.map((i) => i.key)).toEqual([A]);
      const byDistrict = await get(head, `/api/analytics/breakdown?by=district&${period}`);
      expect(byDistrict.statusCode, byDistrict.body).toBe(200);
      expect(
        (byDistrict.json() as Breakdown).items.filter((i) => i.visits > 0).map((i) => [i.key, i.visits]),
      ).toEqual([[districtOf[A], 5]]);
      const top = await get(head, `/api/analytics/top-services?${period}`);
      expect(top.statusCode, top.body).toBe(200);
      const visits = (top.json() as { items: { visits: number }[] }).items.reduce((n, i) => n + i.visits, 0);
      // A's visits with a service: t1, t3, t4, t5 (t2 was a consultation without one)
      expect(visits).toBe(4);
      // the CSV export holds the same narrowing
      const csv = await get(head, `/api/analytics/breakdown?by=office&${period}&format=csv`);
      expect(csv.statusCode).toBe(200);
      expect(csv.body).not.toContain(C);
      expect(csv.body).not.toContain(B);
    });

    it('refuses an operator (403) and an anonymous caller (401) on every analytics route', async () => {
      const urls = [
        `/api/analytics/summary?${period}`,
        `/api/analytics/top-services?${period}`,
        `/api/analytics/breakdown?by=office&${period}`,
        `/api/analytics/summary?${period}&format=csv`,
      ];
      for (const url of urls) {
        const refused = await get(operator, url);
        expect(refused.statusCode, `${url}: ${refused.body}`).toBe(403);
        expect(refused.body).not.toMatch(/"visits"/);
        const anonymous = await ctx().app.inject({ method: 'GET', url });
        expect(anonymous.statusCode, url).toBe(401);
      }
    });

    it('exports any table as CSV with a header row, and as XLSX (a zip)', async () => {
      for (const url of [
        `/api/analytics/summary?${period}&format=csv`,
        `/api/analytics/top-services?${period}&format=csv`,
        `/api/analytics/breakdown?by=office&${period}&format=csv`,
        `/api/analytics/breakdown?by=month&from=2025-12-01&to=2026-12-31&format=csv`,
      ]) {
        const res = await get(analyst, url);
        expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
        expect(res.headers['content-type'], url).toMatch(/^text\/csv/);
        const lines = res.body
          .replace(/^\uFEFF/, '')
          .trim()
          .split(/\r?\n/);
        expect(lines.length, url).toBeGreaterThanOrEqual(2);
        // a header row of names, not figures
        expect(lines[0], url).not.toMatch(/^\d/);
        const columns = lines[0].split(/[;,]/).length;
        expect(columns, url).toBeGreaterThan(1);
      }
      const offices = await get(analyst, `/api/analytics/breakdown?by=office&${period}&format=csv`);
      expect(offices.body).toContain(A);
      expect(offices.body).toContain(C);

      for (const url of [
        `/api/analytics/summary?${period}&format=xlsx`,
        `/api/analytics/breakdown?by=service&${period}&format=xlsx`,
        `/api/analytics/top-services?${period}&format=xlsx`,
      ]) {
        const res = await get(analyst, url);
        expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
        expect(res.headers['content-type'], url).toMatch(/spreadsheetml|octet-stream|zip/);
        const bytes = res.rawPayload;
        expect(bytes.subarray(0, 4).toString('latin1'), url).toBe('PK\u0003\u0004');
      }
    });

    it('answers bad dates and filters with 400 VALIDATION naming the field, never a 500', async () => {
      const bad: [string, string][] = [
        ['/api/analytics/summary?from=2026-13-01&to=2026-12-31', 'from'],
        ['/api/analytics/summary?from=2026-02-30&to=2026-03-31', 'from'],
        ['/api/analytics/summary?from=yesterday&to=2026-12-31', 'from'],
        ['/api/analytics/summary?from=2026-12-01&to=2026-1-5', 'to'],
        ['/api/analytics/summary?from=2026-12-02&to=2026-12-01', 'from'],
        ['/api/analytics/top-services?from=2026-12-02&to=2026-11-01', 'from'],
        ['/api/analytics/breakdown?by=office&from=2026-12-02&to=2026-12-01', 'from'],
        ['/api/analytics/top-services?limit=0', 'limit'],
        ['/api/analytics/top-services?limit=abc', 'limit'],
        ['/api/analytics/breakdown?by=weekday', 'by'],
        ['/api/analytics/breakdown', 'by'],
        ['/api/analytics/summary?format=pdf', 'format'],
      ];
      for (const [url, field] of bad) {
        const res = await get(analyst, url);
        expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
        expect(res.json().error.code, url).toBe('VALIDATION');
        if (field) expect(fieldsOf(res.json()).join(' '), url).toContain(field);
      }
      // filters that name nothing known: an answer (empty) or a 400/404, never a 500
      for (const url of [
        '/api/analytics/summary?office=no-such-office',
        '/api/analytics/summary?district=no-such-district',
        '/api/analytics/summary?service=no-such-service',
        `/api/analytics/summary?office=${encodeURIComponent("x' or 1=1 --")}`,
      ]) {
        const res = await get(analyst, url);
        expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(500);
        if (res.statusCode === 200) expect((res.json() as AnalyticsSummary).visits, url).toBe(0);
      }
      // a very long period: everything (12 visits), or a refusal, never a 500
      const wide = await get(analyst, '/api/analytics/summary?from=1900-01-01&to=2999-12-31');
      expect(wide.statusCode, wide.body).toBeLessThan(500);
      if (wide.statusCode === 200) expect((wide.json() as AnalyticsSummary).visits).toBe(12);
    });
  },
  { clock: () => now },
);
