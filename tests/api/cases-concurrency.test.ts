import { rows, sql } from '../../src/server/db/client.js';
import { verifyCaseChains } from '../../src/server/modules/cases/case-trail.js';
import type { CaseCreated, CaseEvent } from '../../src/shared/cases.js';
import { staffClient } from '../support/admin.js';
import { describeOnBackends } from '../support/app.js';

/**
 * Issue 11, "Tests": acceptance in many offices at once gives unique, well-formed case numbers — 40
 * applications accepted in parallel by ten operators in ten offices, each number the region's prefix, the
 * year and a seven-digit sequence, no number twice, every case with its one "accepted" event and its chain
 * intact.
 */

type Client = Awaited<ReturnType<typeof staffClient>>;
const offices = [
  'lip-kosmonavtov',
  'lip-teatralnaya',
  'lip-studgorodok',
  'lip-katukova',
  'lip-levoberezhny',
  'elets-oktyabrskaya',
  'elets-kommunarov',
  'lipr-main',
  'gryazi-main',
  'usman-main',
];
// Tuesday 1 December 2026, 12:00 in Lipetsk.
const noon = new Date('2026-12-01T09:00:00Z');

const applicant = (i: number) => ({
  kind: 'person',
  lastName: `Параллельный${i}`,
  firstName: 'Тест',
  phone: `+7910${String(1_000_000 + i).slice(-7)}`,
});

describeOnBackends(
  'cases: concurrent acceptance in many offices',
  (ctx) => {
    let operators: Client[];
    beforeAll(async () => {
      operators = [];
      for (const office of offices)
        operators.push(
          await staffClient(ctx().app, ctx().database, [
            { role: 'operator', scope: { kind: 'offices', offices: [office] } },
          ]),
        );
    });

    it('40 parallel POST /api/cases across 10 offices give 40 unique numbers 48-2026-NNNNNNN', async () => {
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          operators[i % offices.length].call({
            method: 'POST',
            url: '/api/cases',
            payload: {
              office: offices[i % offices.length],
              service: 'egrn-extract',
              applicant: applicant(i),
              documents: [{ name: 'Запрос о предоставлении сведений из ЕГРН', form: 'original', pages: 1 }],
            },
          }),
        ),
      );
      for (const r of results) expect(r.statusCode, r.body).toBe(201);
      const created = results.map((r) => r.json() as CaseCreated);
      const numbers = created.map((c) => c.number);
      for (const n of numbers) expect(n).toMatch(/^48-2026-\d{7}$/);
      expect(new Set(numbers).size).toBe(40);
      expect(new Set(created.map((c) => c.id)).size).toBe(40);
      // each case is at the office it was accepted at
      created.forEach((c, i) => {
        expect(c.office.code).toBe(offices[i % offices.length]);
      });
      // the sequences are 40 distinct positive integers (no gaps are promised, no repeats allowed)
      const seqs = numbers.map((n) => Number(n.slice(8))).sort((a, b) => a - b);
      expect(seqs[0]).toBeGreaterThan(0);
      for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1]);

      // each trail: exactly one event, "accepted", naming the number, linked to the chain's start
      for (const [i, c] of created.entries()) {
        const events = (
          await operators[i % offices.length].call({ method: 'GET', url: `/api/cases/${c.id}/events` })
        ).json() as CaseEvent[];
        expect(events.map((e) => [e.seq, e.kind])).toEqual([[1, 'accepted']]);
        expect(events[0].details.number).toBe(c.number);
        expect(events[0].office).toBe(c.office.code);
      }
      const chains = await verifyCaseChains(ctx().database.db);
      expect(chains).toMatchObject({ ok: true });
      expect(chains.cases).toBeGreaterThanOrEqual(40);
      expect(chains.events).toBeGreaterThanOrEqual(40);
    });

    it('a second burst continues the same year’s numbering without reusing one', async () => {
      const before = await rows<{ number: string }>(ctx().database.db, sql`select number from cases`);
      expect(before.length).toBeGreaterThanOrEqual(40);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          operators[i % offices.length].call({
            method: 'POST',
            url: '/api/cases',
            payload: {
              office: offices[i % offices.length],
              service: 'egrn-extract',
              applicant: applicant(100 + i),
            },
          }),
        ),
      );
      for (const r of results) expect(r.statusCode, r.body).toBe(201);
      const fresh = results.map((r) => (r.json() as CaseCreated).number);
      expect(new Set(fresh).size).toBe(20);
      for (const n of before.map((x) => x.number)) expect(fresh).not.toContain(n);
    });
  },
  { clock: () => noon },
);
