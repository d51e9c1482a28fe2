import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { type Database, openDatabase, rows, sql } from '../../src/server/db/client.js';
import { appendCaseEvents, caseEventHash, caseGenesis } from '../../src/server/modules/cases/case-trail.js';
import { createPostgresDatabase } from '../support/databases.js';
import { runOkno } from './run-okno.js';

/**
 * Issue 11, "The trail": `okno audit verify` checks every case's hash chain besides the security log, and
 * reports the first broken link — the case number and the event's number — for an event edited, deleted
 * (in the middle or at the end) or reordered behind the append-only trigger, on PGlite and PostgreSQL.
 * The cases are written straight into the tables with the trail's own appendCaseEvents, so the test does
 * not depend on the acceptance route.
 */

const office = 'lip-kosmonavtov';
type EventRow = { case_id: string; seq: number; details: unknown; kind: string };

async function seedCases(database: Database, count: number, eventsPerCase: number) {
  const db = database.db;
  const [{ district_code: district }] = await rows<{ district_code: string }>(
    db,
    sql`select district_code from offices where code = ${office}`,
  );
  const made: { id: string; number: string }[] = [];
  for (let i = 1; i <= count; i++) {
    const number = `48-2026-${String(900_000 + i).padStart(7, '0')}`;
    await db.transaction(async (tx) => {
      const [applicant] = await rows<{ id: string }>(
        tx,
        sql`insert into case_applicants (kind, sealed, display_name) values ('person', 'sealed', 'Иванов И. И.') returning id`,
      );
      const [row] = await rows<{ id: string }>(
        tx,
        sql`insert into cases (number, pin, office_code, district_code, service_code, service_version, card,
              applicant_id, channel, stage, stage_at, stage_log, accepted_at, accepted_on, term_days, term_kind,
              base_due_date, due_date, event_hash)
            values (${number}, 'sealed-pin', ${office}, ${district}, 'egrn-extract', 1, '{}'::jsonb, ${applicant.id},
              'window', 'accepted', now(), '[]'::jsonb, now(), '2026-03-02', 3, 'working', '2026-03-05',
              '2026-03-05', ${caseGenesis})
            returning id`,
      );
      let head = { id: row.id, eventSeq: 0, eventHash: caseGenesis };
      for (let e = 1; e <= eventsPerCase; e++) {
        const kind = e === 1 ? 'accepted' : e % 2 ? 'receipt_printed' : 'transition';
        const next = await appendCaseEvents(
          tx,
          head,
          [
            {
              kind,
              actor: { userId: '00000000-0000-4000-8000-000000000001', name: 'Оператор Тестовый' },
              office,
              details: { step: e, to: e % 2 ? 'sent' : 'review', note: `событие ${e}` },
            },
          ],
          new Date(Date.UTC(2026, 2, 2, 9, e, 0, 123)),
        );
        head = { id: row.id, ...next };
      }
    });
    made.push({
      id: (await rows<{ id: string }>(db, sql`select id from cases where number = ${number}`))[0].id,
      number,
    });
  }
  return made;
}

describe.each(['pglite', 'postgres'] as const)(
  'okno audit verify checks every case trail (%s)',
  { timeout: 240_000 },
  (kind) => {
    let env: Record<string, string>;
    let open: () => Promise<Database>;
    let cleanup: () => Promise<void>;
    let seeded: { id: string; number: string }[];

    beforeAll(async () => {
      if (kind === 'postgres') {
        const created = await createPostgresDatabase();
        env = { DATABASE_URL: created.url, PERSONAL_DATA_KEY: randomBytes(32).toString('hex') };
        open = () => openDatabase({ kind: 'postgres', url: created.url, poolSize: 2 });
        cleanup = created.drop;
      } else {
        const tmp = await mkdtemp(join(tmpdir(), 'okno-audit-cases-'));
        const dataDir = join(tmp, 'data');
        env = { DATA_DIR: dataDir };
        const pgliteDir = join(dataDir, 'pglite');
        open = () => openDatabase({ kind: 'pglite', dataDir: pgliteDir });
        const first = await openDatabase({
          kind: 'pglite',
          dataDir: pgliteDir,
          snapshot: new Blob([readFileSync(inject('pgliteSnapshot'))]),
        });
        await first.close();
        cleanup = async () => rmSync(tmp, { recursive: true, force: true });
      }
      const database = await open();
      try {
        seeded = await seedCases(database, 3, 5);
      } finally {
        await database.close();
      }
    }, 180_000);
    afterAll(async () => {
      await cleanup?.();
    });

    /** Runs fn on the database with the append-only trigger off (as its owner may), then turns it on again. */
    const tamper = async (fn: (database: Database) => Promise<void>) => {
      const database = await open();
      try {
        await database.exec('alter table case_events disable trigger case_events_append_only');
        await fn(database);
        await database.exec('alter table case_events enable trigger case_events_append_only');
      } finally {
        await database.close();
      }
    };
    const eventOf = async (database: Database, caseId: string, seq: number) =>
      (
        await rows<
          EventRow & {
            at: string;
            actor_id: string;
            actor_name: string;
            office_code: string;
            prev_hash: string;
            hash: string;
          }
        >(database.db, sql`select * from case_events where case_id = ${caseId} and seq = ${seq}`)
      )[0];
    const verify = () => runOkno(['audit', 'verify'], env, 90_000);

    it('passes an intact region and counts its cases and events', async () => {
      const result = await verify();
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^security log intact: \d+ entries/);
      expect(result.stdout).toContain('case trails intact: 3 cases, 15 events');
    });

    it('detects an edited event (its details changed), then passes again once it is put back', async () => {
      const target = seeded[1];
      let original: unknown;
      await tamper(async (database) => {
        original = (await eventOf(database, target.id, 3)).details;
        await database.db.execute(
          sql`update case_events set details = jsonb_set(details, '{to}', '"issued"') where case_id = ${target.id} and seq = 3`,
        );
      });
      const broken = await verify();
      expect(broken.code).not.toBe(0);
      expect(broken.stderr).toContain(
        `case ${target.number} trail broken at event #3: the event was changed`,
      );
      // Rewritten with its hash recomputed by someone who knows the scheme: the next event's link breaks.
      await tamper(async (database) => {
        const [e] = await rows<
          EventRow & {
            at_iso: string;
            actor_id: string;
            actor_name: string;
            office_code: string;
            prev_hash: string;
          }
        >(
          database.db,
          sql`select *, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at_iso
            from case_events where case_id = ${target.id} and seq = 3`,
        );
        const details = { ...(e.details as Record<string, unknown>), to: 'issued' };
        const hash = caseEventHash(e.prev_hash, {
          caseId: e.case_id,
          seq: e.seq,
          at: e.at_iso,
          kind: e.kind,
          actorId: e.actor_id,
          actorName: e.actor_name,
          office: e.office_code,
          details,
        });
        await database.db.execute(
          sql`update case_events set details = ${JSON.stringify(details)}::jsonb, hash = ${hash} where case_id = ${target.id} and seq = 3`,
        );
      });
      const relinked = await verify();
      expect(relinked.code).not.toBe(0);
      expect(relinked.stderr).toContain(
        `case ${target.number} trail broken at event #4: linked to the wrong previous event`,
      );
      // put back as it was
      await tamper(async (database) => {
        const [e] = await rows<{ prev_hash: string }>(
          database.db,
          sql`select prev_hash from case_events where case_id = ${target.id} and seq = 4`,
        );
        await database.db.execute(
          sql`update case_events set hash = ${e.prev_hash} where case_id = ${target.id} and seq = 3`,
        );
        await database.db.execute(
          sql`update case_events set details = ${JSON.stringify(original)}::jsonb where case_id = ${target.id} and seq = 3`,
        );
      });
      const fixed = await verify();
      expect(fixed.code).toBe(0);
      expect(fixed.stdout).toContain('case trails intact: 3 cases, 15 events');
    });

    it('detects an edited actor and an edited time', async () => {
      const target = seeded[0];
      let before: Awaited<ReturnType<typeof eventOf>> | undefined;
      await tamper(async (database) => {
        before = await eventOf(database, target.id, 2);
        await database.db.execute(
          sql`update case_events set actor_name = 'Кто-то другой' where case_id = ${target.id} and seq = 2`,
        );
      });
      const actor = await verify();
      expect(actor.code).not.toBe(0);
      expect(actor.stderr).toContain(`case ${target.number} trail broken at event #2: the event was changed`);
      await tamper(async (database) => {
        await database.db.execute(
          sql`update case_events set actor_name = ${before?.actor_name ?? ''}, at = at + interval '1 hour' where case_id = ${target.id} and seq = 2`,
        );
      });
      const time = await verify();
      expect(time.code).not.toBe(0);
      expect(time.stderr).toContain(`case ${target.number} trail broken at event #2: the event was changed`);
      await tamper(async (database) => {
        await database.db.execute(
          sql`update case_events set at = at - interval '1 hour' where case_id = ${target.id} and seq = 2`,
        );
      });
      expect((await verify()).code).toBe(0);
    });

    it('detects a deleted event in the middle and one cut off the end', async () => {
      const target = seeded[2];
      let saved: Awaited<ReturnType<typeof eventOf>>[] = [];
      await tamper(async (database) => {
        saved = [await eventOf(database, target.id, 2), await eventOf(database, target.id, 5)];
        await database.db.execute(sql`delete from case_events where case_id = ${target.id} and seq = 2`);
      });
      const middle = await verify();
      expect(middle.code).not.toBe(0);
      expect(middle.stderr).toContain(
        `case ${target.number} trail broken at event #2: an event is missing or out of order`,
      );

      const restore = (e: (typeof saved)[number]) =>
        sql`insert into case_events (case_id, seq, at, kind, actor_id, actor_name, office_code, details, prev_hash, hash)
          values (${e.case_id}, ${e.seq}, ${e.at}, ${e.kind}, ${e.actor_id}, ${e.actor_name}, ${e.office_code},
            ${JSON.stringify(e.details)}::jsonb, ${e.prev_hash}, ${e.hash})`;
      await tamper(async (database) => {
        await database.db.execute(restore(saved[0]));
        await database.db.execute(sql`delete from case_events where case_id = ${target.id} and seq = 5`);
      });
      const tail = await verify();
      expect(tail.code).not.toBe(0);
      expect(tail.stderr).toContain(
        `case ${target.number} trail broken at event #5: events missing at the end`,
      );

      await tamper(async (database) => {
        await database.db.execute(restore(saved[1]));
      });
      const fixed = await verify();
      expect(fixed.code).toBe(0);
      expect(fixed.stdout).toContain('case trails intact: 3 cases, 15 events');
    });

    it('detects two events swapped in order (their numbers exchanged)', async () => {
      const target = seeded[1];
      const swap = (a: number, b: number) => async (database: Database) => {
        await database.db.execute(
          sql`update case_events set seq = -1 where case_id = ${target.id} and seq = ${a}`,
        );
        await database.db.execute(
          sql`update case_events set seq = ${a} where case_id = ${target.id} and seq = ${b}`,
        );
        await database.db.execute(
          sql`update case_events set seq = ${b} where case_id = ${target.id} and seq = -1`,
        );
      };
      await tamper(swap(3, 4));
      const swapped = await verify();
      expect(swapped.code).not.toBe(0);
      expect(swapped.stderr).toMatch(new RegExp(`case ${target.number} trail broken at event #3: `));
      await tamper(swap(3, 4));
      expect((await verify()).code).toBe(0);
    });

    it('detects an event moved to another case', async () => {
      const [from, to] = [seeded[0], seeded[2]];
      await tamper(async (database) => {
        await database.db.execute(
          sql`update case_events set case_id = ${to.id}, seq = 6 where case_id = ${from.id} and seq = 5`,
        );
      });
      const moved = await verify();
      expect(moved.code).not.toBe(0);
      // whichever of the two the walk reaches first (cases in id order) is the one named
      const first = [from, to].sort((a, b) => (a.id < b.id ? -1 : 1))[0];
      expect(moved.stderr).toContain(`case ${first.number} trail broken at event #`);
    });
  },
);
