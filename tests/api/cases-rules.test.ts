import { rows, sql } from '../../src/server/db/client.js';
import { verifyCaseChains } from '../../src/server/modules/cases/case-trail.js';
import type { Case, CaseCreated, CaseEvent, CasePage, FullApplicant } from '../../src/shared/cases.js';
import { staffClient } from '../support/admin.js';
import { describeOnBackends } from '../support/app.js';

/**
 * Issue 11, "Tests", on both databases: the trail is complete and verifies for a full route; an invalid
 * transition is a 409 naming the allowed ones; the status shows nothing personal, answers a wrong PIN and an
 * unknown number alike and cannot be enumerated (the per-number failure limit); scope is enforced; bad
 * registration numbers are refused naming the field and the rule.
 */

type Client = Awaited<ReturnType<typeof staffClient>>;
const officeA = 'lip-kosmonavtov';
const officeB = 'lip-teatralnaya';
// Tuesday 1 December 2026, 12:00 in Lipetsk.
const noon = new Date('2026-12-01T09:00:00Z');
let now = noon;

/** A person whose every detail is distinctive enough to be searched for in a response. */
const person = {
  kind: 'person',
  lastName: 'Шереметьева',
  firstName: 'Аполлинария',
  middleName: 'Евграфовна',
  birthDate: '1975-11-23',
  identityDocument: { kind: 'passport_rf', series: '42 07', number: '654321' },
  snils: '112-233-445 95',
  phone: '+7 (903) 111-22-33',
  email: 'apollinaria@example.ru',
  consent: { sms: true, email: true },
};
/** Every spelling of the person's data a leak could take. */
const personalStrings = [
  'Шереметьева',
  'Аполлинария',
  'Евграфовна',
  '1975-11-23',
  '23.11.1975',
  '654321',
  '4207',
  '42 07',
  '11223344595',
  '112-233-445',
  '9031112233',
  '111-22-33',
  '1112233',
  'apollinaria',
];

describeOnBackends(
  'cases: trail, transitions, status, scope, validation',
  (ctx) => {
    let a: Client;
    let b: Client;
    beforeAll(async () => {
      now = noon;
      a = await staffClient(ctx().app, ctx().database, [
        { role: 'operator', scope: { kind: 'offices', offices: [officeA] } },
      ]);
      b = await staffClient(ctx().app, ctx().database, [
        { role: 'backoffice', scope: { kind: 'offices', offices: [officeB] } },
      ]);
    });
    afterEach(() => {
      now = noon;
    });

    const accept = async (by: Client, office: string, body: Record<string, unknown> = {}) => {
      const res = await by.call({
        method: 'POST',
        url: '/api/cases',
        payload: {
          office,
          service: 'egrn-extract',
          applicant: person,
          documents: [{ name: 'Запрос о предоставлении сведений из ЕГРН', form: 'original', pages: 2 }],
          ...body,
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as CaseCreated;
    };
    const move = (by: Client, id: string, to: string, comment?: string) =>
      by.call({ method: 'POST', url: `/api/cases/${id}/transitions`, payload: { to, comment } });
    const status = (number: string, pin: string) =>
      ctx().app.inject({
        method: 'GET',
        url: `/api/status?number=${encodeURIComponent(number)}&pin=${pin}`,
      });

    describe('the trail of a full route', () => {
      it('records every operation in order (accept, documents, views, print, moves, issue), chained, and verifies', async () => {
        const created = await accept(a, officeA);
        const added = await a.call({
          method: 'POST',
          url: `/api/cases/${created.id}/documents`,
          payload: {
            name: 'Доверенность',
            form: 'copy',
            pages: 1,
            scan: { contentType: 'application/pdf', data: Buffer.from('%PDF-1.4 test').toString('base64') },
          },
        });
        expect(added.statusCode, added.body).toBe(201);
        const withScan = (added.json() as Case).documents.find((d) => d.name === 'Доверенность');
        expect(withScan?.hasScan).toBe(true);
        const replaced = await a.call({
          method: 'POST',
          url: `/api/cases/${created.id}/documents`,
          payload: {
            name: 'Доверенность (нотариальная)',
            form: 'original',
            pages: 2,
            replaces: withScan?.id,
          },
        });
        expect(replaced.statusCode, replaced.body).toBe(201);
        const docs = (replaced.json() as Case).documents;
        expect(docs.find((d) => d.id === withScan?.id)?.replacedAt).not.toBeNull();
        expect(docs.find((d) => d.replaces === withScan?.id)?.name).toBe('Доверенность (нотариальная)');

        const scan = await a.call({
          method: 'GET',
          url: `/api/cases/${created.id}/documents/${withScan?.id}/scan`,
        });
        expect(scan.statusCode).toBe(200);
        expect(scan.body).toContain('%PDF-1.4 test');

        const full = await a.call({ method: 'GET', url: `/api/cases/${created.id}/applicant` });
        expect(full.statusCode, full.body).toBe(200);
        expect((full.json() as FullApplicant).identityDocument?.number).toBe('654321');

        const receipt = await a.call({ method: 'GET', url: `/api/cases/${created.id}/receipt.pdf` });
        expect(receipt.statusCode, receipt.body.slice(0, 200)).toBe(200);
        expect(receipt.headers['content-type']).toMatch(/^application\/pdf/);
        expect(receipt.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

        for (const to of ['sent', 'review', 'ready']) {
          const moved = await move(a, created.id, to, `этап ${to}`);
          expect(moved.statusCode, moved.body).toBe(200);
        }
        const issued = await a.call({
          method: 'POST',
          url: `/api/cases/${created.id}/issue`,
          payload: {
            documentChecked: true,
            receivedBy: 'representative',
            representative: 'Петров П. П., доверенность 48 АА 000001',
          },
        });
        expect(issued.statusCode, issued.body).toBe(200);
        expect((issued.json() as Case).stage.code).toBe('issued');

        const events = (
          await a.call({ method: 'GET', url: `/api/cases/${created.id}/events` })
        ).json() as CaseEvent[];
        expect(events.map((e) => e.kind)).toEqual([
          'accepted',
          'document_added',
          'document_replaced',
          'scan_viewed',
          'personal_data_viewed',
          'receipt_printed',
          'transition',
          'transition',
          'transition',
          'issued',
        ]);
        expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        for (let i = 1; i < events.length; i++) expect(events[i].prevHash).toBe(events[i - 1].hash);
        // who and where on every event; before and after on the moves
        for (const e of events) {
          expect(e.actor?.id).toBe(a.user.id);
          expect(e.office).toBe(officeA);
        }
        expect(
          events.filter((e) => e.kind === 'transition').map((e) => [e.details.before, e.details.after]),
        ).toEqual([
          ['accepted', 'sent'],
          ['sent', 'review'],
          ['review', 'ready'],
        ]);
        expect(events.at(-1)?.details).toMatchObject({ before: 'ready', after: 'issued' });
        // the trail itself holds nothing of the person's data (the view is logged, not what was seen)
        const trailText = JSON.stringify(events);
        for (const s of ['654321', 'Аполлинария', '9031112233', '1975-11-23'])
          expect(trailText).not.toContain(s);

        const chains = await verifyCaseChains(ctx().database.db);
        expect(chains).toMatchObject({ ok: true });

        // the view of the full data is in the security log too
        const logged = await rows<{ n: number }>(
          ctx().database.db,
          sql`select count(*)::int as n from security_log
              where event = 'personal_data_view' and user_id = ${a.user.id} and details->>'ref' = ${created.number}`,
        );
        expect(logged[0].n).toBe(1);
      });
    });

    describe('transitions', () => {
      it('refuses a skipped stage with 409 INVALID_TRANSITION naming the stage and the allowed ones', async () => {
        const created = await accept(a, officeA);
        const skip = await move(a, created.id, 'ready');
        expect(skip.statusCode).toBe(409);
        expect(skip.json().error.code).toBe('INVALID_TRANSITION');
        expect(skip.json().error.details).toMatchObject({ stage: 'accepted', allowed: ['sent', 'refused'] });
        const unknown = await move(a, created.id, 'teleported');
        expect(unknown.statusCode).toBe(409);
        expect(unknown.json().error.details.allowed).toEqual(['sent', 'refused']);
        const returned = await move(a, created.id, 'returned');
        expect(returned.statusCode).toBe(409);
        // the case did not move, and no event was written for the refusals
        const events = (
          await a.call({ method: 'GET', url: `/api/cases/${created.id}/events` })
        ).json() as CaseEvent[];
        expect(events.map((e) => e.kind)).toEqual(['accepted']);
      });

      it('refused needs a reason, ends the case, and nothing is allowed after it', async () => {
        const created = await accept(a, officeA);
        expect((await move(a, created.id, 'sent')).statusCode).toBe(200);
        const bare = await move(a, created.id, 'refused');
        expect(bare.statusCode).toBe(400);
        const refused = await move(a, created.id, 'refused', 'Нет права на получение сведений');
        expect(refused.statusCode, refused.body).toBe(200);
        expect((refused.json() as Case).final).toBe(true);
        const after = await move(a, created.id, 'review');
        expect(after.statusCode).toBe(409);
        expect(after.json().error.details).toMatchObject({ stage: 'refused', allowed: [] });
      });

      it('returned only from ready; refused no longer once the result is at the office', async () => {
        const created = await accept(a, officeA);
        for (const to of ['sent', 'review', 'ready'])
          expect((await move(a, created.id, to)).statusCode).toBe(200);
        const refused = await move(a, created.id, 'refused', 'поздно');
        expect(refused.statusCode).toBe(409);
        expect(refused.json().error.details.allowed).toEqual(['issued', 'returned']);
        const returned = await move(a, created.id, 'returned', 'не востребован');
        expect(returned.statusCode, returned.body).toBe(200);
        expect((returned.json() as Case).stage.code).toBe('returned');
      });
    });

    describe('the status for the citizen', () => {
      it('shows the route and nothing personal', async () => {
        const created = await accept(a, officeA);
        const res = await status(created.number, created.pin);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.headers['cache-control']).toBe('no-store');
        for (const s of personalStrings) expect(res.body, s).not.toContain(s);
        const body = res.json() as Record<string, unknown>;
        expect(Object.keys(body)).not.toContain('applicant');
        expect(JSON.stringify(body)).not.toContain(created.pin);
        expect(JSON.stringify(body)).not.toContain(created.applicant.name); // the masked «Шереметьева А. Е.» too
        expect(res.body).toContain(created.number);
      });

      it('answers a wrong PIN and an unknown number with the same 404 body', async () => {
        const created = await accept(a, officeA);
        const wrong = String((Number(created.pin) + 1) % 1_000_000).padStart(6, '0');
        const known = await status(created.number, wrong);
        const unknown = await status('48-2026-9876543', created.pin);
        const malformedPin = await status(created.number, '12');
        expect(known.statusCode).toBe(404);
        expect(unknown.statusCode).toBe(404);
        expect(known.body).toBe(unknown.body);
        expect(known.headers['content-type']).toBe(unknown.headers['content-type']);
        expect(malformedPin.statusCode).toBe(400);
      });

      it('locks a number after too many failures — known or unknown, with the same 429 — and only that number', async () => {
        const [{ limit }] = await rows<{ limit: number }>(
          ctx().database.db,
          sql`select status_failures_per_number as limit from case_settings`,
        );
        const target = await accept(a, officeA);
        const other = await accept(a, officeA);
        const unknownNumber = '48-2026-9999001';
        const wrong = String((Number(target.pin) + 7) % 1_000_000).padStart(6, '0');
        for (let i = 0; i < limit; i++) {
          expect((await status(target.number, wrong)).statusCode).toBe(404);
          expect((await status(unknownNumber, wrong)).statusCode).toBe(404);
        }
        const knownLocked = await status(target.number, target.pin); // even the right PIN
        const unknownLocked = await status(unknownNumber, wrong);
        expect(knownLocked.statusCode).toBe(429);
        expect(unknownLocked.statusCode).toBe(429);
        expect(knownLocked.json().error.code).toBe('RATE_LIMITED');
        expect(knownLocked.body).toBe(unknownLocked.body);
        // another number is not affected
        expect((await status(other.number, other.pin)).statusCode).toBe(200);
        // after the window the right PIN opens it again
        now = new Date(noon.getTime() + 2 * 24 * 60 * 60_000);
        expect((await status(target.number, target.pin)).statusCode).toBe(200);
      });
    });

    describe('scope', () => {
      it('an operator of office A gets 404 for a case of office B and never sees it in a list', async () => {
        const theirs = await accept(b, officeB);
        const mine = await accept(a, officeA);
        const missing = await a.call({
          method: 'GET',
          url: '/api/cases/00000000-0000-4000-8000-000000000000',
        });
        expect(missing.statusCode).toBe(404);
        for (const url of [
          `/api/cases/${theirs.id}`,
          `/api/cases/${theirs.id}/events`,
          `/api/cases/${theirs.id}/applicant`,
        ]) {
          const res = await a.call({ method: 'GET', url });
          expect(res.statusCode, url).toBe(404);
          expect(res.json().error.code).toBe('NOT_FOUND');
        }
        const get = await a.call({ method: 'GET', url: `/api/cases/${theirs.id}` });
        expect(get.body.replace(theirs.id, 'X')).toBe(
          missing.body.replace('00000000-0000-4000-8000-000000000000', 'X'),
        );
        const moved = await move(a, theirs.id, 'sent');
        expect(moved.statusCode).toBe(404);
        const issue = await a.call({
          method: 'POST',
          url: `/api/cases/${theirs.id}/issue`,
          payload: { documentChecked: true, receivedBy: 'applicant' },
        });
        expect(issue.statusCode).toBe(404);
        // lists: all of A's, by the number, by the applicant, by office B explicitly
        for (const q of [
          '?limit=200',
          `?number=${theirs.number}`,
          '?applicant=Шереметьева&limit=200',
          `?office=${officeB}`,
          '?list=open&limit=200',
        ]) {
          const res = await a.call({ method: 'GET', url: `/api/cases${q}` });
          expect(res.statusCode, q).toBe(200);
          const ids = (res.json() as CasePage).items.map((i) => i.id);
          expect(ids, q).not.toContain(theirs.id);
        }
        const own = (
          await a.call({ method: 'GET', url: `/api/cases?number=${mine.number}` })
        ).json() as CasePage;
        expect(own.items.map((i) => i.id)).toEqual([mine.id]);
        // nor can A accept at B
        const there = await a.call({
          method: 'POST',
          url: '/api/cases',
          payload: { office: officeB, service: 'egrn-extract', applicant: person },
        });
        expect(there.statusCode).toBe(404);
        // and B, for its part, sees its case and not A's
        const bList = (await b.call({ method: 'GET', url: '/api/cases?limit=200' })).json() as CasePage;
        expect(bList.items.map((i) => i.id)).toContain(theirs.id);
        expect(bList.items.map((i) => i.id)).not.toContain(mine.id);
        expect(bList.items.every((i) => i.office === officeB)).toBe(true);
      });
    });

    describe('validation of registration numbers', () => {
      const refused = async (applicant: Record<string, unknown>) => {
        const res = await a.call({
          method: 'POST',
          url: '/api/cases',
          payload: { office: officeA, service: 'egrn-extract', applicant },
        });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error.code).toBe('VALIDATION');
        return (res.json().error.details as { path: string; params?: { rule?: string } }[]).map((d) => [
          d.path,
          d.params?.rule,
        ]);
      };
      const business = { kind: 'business', name: 'ООО «Ромашка»', inn: '7707083893', ogrn: '1027700132195' };

      it('names the field and the rule: ИНН, ОГРН, СНИЛС one digit off', async () => {
        expect(await refused({ ...business, inn: '7707083894' })).toContainEqual([
          'applicant.inn',
          'inn_checksum',
        ]);
        expect(await refused({ ...business, inn: '500100732258' })).toContainEqual([
          'applicant.inn',
          'inn_checksum',
        ]);
        expect(await refused({ ...business, ogrn: '1027700132196' })).toContainEqual([
          'applicant.ogrn',
          'ogrn_checksum',
        ]);
        expect(await refused({ ...business, ogrn: '304482600000121' })).toContainEqual([
          'applicant.ogrn',
          'ogrn_checksum',
        ]);
        expect(await refused({ ...person, snils: '112-233-445 96' })).toContainEqual([
          'applicant.snils',
          'snils_checksum',
        ]);
        expect(
          await refused({
            ...business,
            representative: { lastName: 'Петров', firstName: 'Пётр', snils: '11223344594' },
          }),
        ).toContainEqual(['applicant.representative.snils', 'snils_checksum']);
      });

      it('names the passport and phone rules; all the problems of one form at once', async () => {
        const all = await refused({
          ...person,
          identityDocument: { kind: 'passport_rf', series: '42', number: '65432' },
          phone: '12345',
          snils: '000',
        });
        expect(all).toEqual(
          expect.arrayContaining([
            ['applicant.identityDocument.series', 'passport_series'],
            ['applicant.identityDocument.number', 'passport_number'],
            ['applicant.phone', 'russian_phone'],
            ['applicant.snils', 'snils_checksum'],
          ]),
        );
      });

      it('accepts the valid ones (a business with its ОГРН, a person with an old СНИЛС)', async () => {
        const ok = await a.call({
          method: 'POST',
          url: '/api/cases',
          payload: { office: officeA, service: 'egrn-extract', applicant: business },
        });
        expect(ok.statusCode, ok.body).toBe(201);
        const old = await a.call({
          method: 'POST',
          url: '/api/cases',
          payload: {
            office: officeA,
            service: 'egrn-extract',
            applicant: { ...person, snils: '001-001-998 00' },
          },
        });
        expect(old.statusCode, old.body).toBe(201);
      });
    });
  },
  { clock: () => now },
);
