import { rows, sql } from '../../src/server/db/client.js';
import type { CaseCreated } from '../../src/shared/cases.js';
import type { IssuedTicket, StaffTicket } from '../../src/shared/queue.js';
import type { RatingSaved, RatingTarget } from '../../src/shared/ratings.js';
import { fieldsOf, staffClient } from '../support/admin.js';
import { describeOnBackends } from '../support/app.js';

/**
 * Ratings by token (issue 12): a finished visit's and a case's public state carry a one-time token; the
 * token says what is rated and takes one rating; anything else is unknown.
 */

type Client = Awaited<ReturnType<typeof staffClient>>;
const office = 'lip-kosmonavtov';
// Tuesday 1 December 2026, 12:00 in Lipetsk: the office is open 08:00–20:00.
const noon = new Date('2026-12-01T09:00:00Z');
let now = noon;
const later = (minutes: number) => {
  now = new Date(now.getTime() + minutes * 60_000);
};

const scores = (time: number, waiting = time, staff = time, comfort = time, information = time) => ({
  time,
  waiting,
  staff,
  comfort,
  information,
});

const person = {
  kind: 'person',
  lastName: 'Иванова',
  firstName: 'Мария',
  middleName: 'Петровна',
  birthDate: '1980-05-17',
  identityDocument: { kind: 'passport_rf', series: '42 05', number: '123456' },
  phone: '+7 (910) 555-12-34',
  consent: { sms: true, email: false },
};

/** The token with one character changed in the middle (to another character of its alphabet). */
const oneCharOff = (token: string) => {
  const i = Math.floor(token.length / 2);
  const swapped = token[i] === 'A' ? 'B' : 'A';
  return token.slice(0, i) + swapped + token.slice(i + 1);
};

describeOnBackends(
  'ratings by token: one per visit and per case',
  (ctx) => {
    let operator: Client;
    let backoffice: Client;
    const window = 3;

    beforeAll(async () => {
      now = noon;
      operator = await staffClient(ctx().app, ctx().database, [
        { role: 'operator', scope: { kind: 'offices', offices: [office] } },
      ]);
      backoffice = await staffClient(ctx().app, ctx().database, [
        { role: 'backoffice', scope: { kind: 'offices', offices: [office] } },
      ]);
      const opened = await operator.call({
        method: 'POST',
        url: `/api/offices/${office}/windows/${window}/open`,
      });
      expect(opened.statusCode, opened.body).toBe(200);
    });
    afterAll(async () => {
      await operator.call({ method: 'POST', url: `/api/offices/${office}/windows/${window}/close` });
    });

    const inject = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
      ctx().app.inject({ method, url, payload: payload as Record<string, unknown> });
    const publicTicket = async (track: string) => {
      const res = await inject('GET', `/api/tickets/${track}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { status: string; ratingToken: string | null };
    };
    const post = async (url: string, payload: Record<string, unknown> = {}) => {
      const res = await operator.call({ method: 'POST', url, payload });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      return res.json();
    };

    /** A ticket issued, called, served and finished at the window; its track and id. */
    async function visit(service = 'egrn-extract'): Promise<{ track: string; id: string; token: string }> {
      const issued = await operator.call({
        method: 'POST',
        url: `/api/offices/${office}/tickets`,
        payload: { service },
      });
      expect(issued.statusCode, issued.body).toBe(201);
      const ticket = issued.json() as IssuedTicket;
      expect((await publicTicket(ticket.track)).ratingToken).toBeNull();
      later(3);
      const called = (await post(`/api/offices/${office}/windows/${window}/call-next`)) as {
        ticket: StaffTicket;
      };
      expect(called.ticket.id).toBe(ticket.id);
      await post(`/api/tickets/${ticket.id}/start`);
      expect((await publicTicket(ticket.track)).ratingToken).toBeNull();
      later(7);
      await post(`/api/tickets/${ticket.id}/finish`, { outcome: 'consultation_given' });
      const finished = await publicTicket(ticket.track);
      expect(finished.status).toBe('done');
      expect(finished.ratingToken).toEqual(expect.any(String));
      return { track: ticket.track, id: ticket.id, token: finished.ratingToken as string };
    }

    it('gives a finished ticket a rating token (none while it waits or is served) that says what is rated', async () => {
      const { token, track } = await visit();
      // the same token on every read of the ticket
      expect((await publicTicket(track)).ratingToken).toBe(token);
      const res = await inject('GET', `/api/ratings/${token}`);
      expect(res.statusCode, res.body).toBe(200);
      const target = res.json() as RatingTarget;
      expect(target).toMatchObject({
        subject: 'visit',
        office: { code: office, timeZone: 'Europe/Moscow' },
        service: { code: 'egrn-extract' },
        date: '2026-12-01',
        caseNumber: null,
        rated: false,
      });
      // never who served
      expect(res.body).not.toContain(operator.user.id);
      expect(res.body).not.toContain(operator.user.login);
    });

    it('takes one rating per visit: 201, then 409 ALREADY_RATED, and keeps who served for the office', async () => {
      const { token, id } = await visit();
      const first = await inject('POST', `/api/ratings/${token}`, {
        scores: scores(5),
        comment: '  Спасибо!  ',
        source: 'qr',
      });
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json() as RatingSaved).toMatchObject({ followUp: false, ratedAt: expect.any(String) });
      const again = await inject('POST', `/api/ratings/${token}`, {
        scores: scores(1),
        comment: 'передумал',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('ALREADY_RATED');
      expect(((await inject('GET', `/api/ratings/${token}`)).json() as RatingTarget).rated).toBe(true);

      const stored = await rows<{
        office_code: string;
        service_code: string;
        window_number: number;
        operator_id: string;
        score_time: number;
        comment: string;
        source: string;
        rated_on: string;
        visit_on: string;
      }>(ctx().database.db, sql`select * from ratings where ticket_id = ${id}`);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        office_code: office,
        service_code: 'egrn-extract',
        window_number: window,
        operator_id: operator.user.id,
        score_time: 5,
        comment: 'Спасибо!',
        source: 'qr',
        rated_on: '2026-12-01',
        visit_on: '2026-12-01',
      });
    });

    it('lets only one of two simultaneous ratings of a visit through', async () => {
      const { token, id } = await visit();
      const both = await Promise.all([
        inject('POST', `/api/ratings/${token}`, { scores: scores(4) }),
        inject('POST', `/api/ratings/${token}`, { scores: scores(2), comment: 'плохо' }),
      ]);
      expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const [count] = await rows<{ n: number }>(
        ctx().database.db,
        sql`select count(*)::int as n from ratings where ticket_id = ${id}`,
      );
      expect(count.n).toBe(1);
    });

    it('opens a follow-up due in 30 days for a score below 3 with a comment, and none without the comment', async () => {
      const low = await visit();
      const saved = await inject('POST', `/api/ratings/${low.token}`, {
        scores: scores(4, 2, 4, 4, 4),
        comment: 'Ждал у окна сорок минут',
      });
      expect(saved.statusCode, saved.body).toBe(201);
      expect((saved.json() as RatingSaved).followUp).toBe(true);
      const followUps = await rows<{
        opened_on: string;
        due_on: string;
        status: string;
        office_code: string;
      }>(
        ctx().database.db,
        sql`select f.opened_on, f.due_on, f.status, f.office_code from rating_follow_ups f
              join ratings r on r.id = f.rating_id where r.ticket_id = ${low.id}`,
      );
      expect(followUps).toEqual([
        { opened_on: '2026-12-01', due_on: '2026-12-31', status: 'open', office_code: office },
      ]);

      const silent = await visit();
      const quiet = await inject('POST', `/api/ratings/${silent.token}`, { scores: scores(1) });
      expect(quiet.statusCode, quiet.body).toBe(201);
      expect((quiet.json() as RatingSaved).followUp).toBe(false);
    });

    it('answers 404 to an unknown, forged or garbage token on GET and POST, and rates nothing', async () => {
      const real = await visit();
      const [before] = await rows<{ n: number }>(
        ctx().database.db,
        sql`select count(*)::int as n from ratings`,
      );
      const tokens = [
        oneCharOff(real.token),
        `${real.token}x`,
        real.token.slice(0, -1),
        real.track, // the ticket's own key is not its rating token
        'A'.repeat(real.token.length),
        'garbage',
        'a.b.c',
        '0'.repeat(64),
        encodeURIComponent('токен'),
      ];
      for (const token of tokens) {
        const get = await inject('GET', `/api/ratings/${token}`);
        expect(get.statusCode, `GET ${token}: ${get.body}`).toBe(404);
        const post = await inject('POST', `/api/ratings/${token}`, { scores: scores(5) });
        expect(post.statusCode, `POST ${token}: ${post.body}`).toBe(404);
        expect(post.json().error.code).toBe(get.json().error.code);
      }
      const [after] = await rows<{ n: number }>(
        ctx().database.db,
        sql`select count(*)::int as n from ratings`,
      );
      expect(after.n).toBe(before.n);
      // the real one still works
      expect((await inject('POST', `/api/ratings/${real.token}`, { scores: scores(5) })).statusCode).toBe(
        201,
      );
    });

    it('refuses bad scores with 400 VALIDATION naming the field, and the token stays unused', async () => {
      const { token } = await visit();
      const bad: [Record<string, unknown>, string][] = [
        [{ scores: { ...scores(4), time: 0 } }, 'body.scores.time'],
        [{ scores: { ...scores(4), waiting: 6 } }, 'body.scores.waiting'],
        [{ scores: { ...scores(4), staff: 2.5 } }, 'body.scores.staff'],
        [{ scores: { ...scores(4), comfort: '5' } }, 'body.scores.comfort'],
        [{ scores: { time: 4, waiting: 4, staff: 4, comfort: 4 } }, 'body.scores.information'],
        [{}, 'body.scores'],
        [{ scores: scores(4), comment: 'я'.repeat(2001) }, 'body.comment'],
      ];
      for (const [body, field] of bad) {
        const res = await inject('POST', `/api/ratings/${token}`, body);
        expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
        expect(res.json().error.code).toBe('VALIDATION');
        expect(fieldsOf(res.json())).toContain(field);
      }
      expect(((await inject('GET', `/api/ratings/${token}`)).json() as RatingTarget).rated).toBe(false);
      expect((await inject('POST', `/api/ratings/${token}`, { scores: scores(3) })).statusCode).toBe(201);
    });

    it('carries a rating token in a case’s status; the case is rated once', async () => {
      const accepted = await backoffice.call({
        method: 'POST',
        url: '/api/cases',
        payload: { office, service: 'egrn-extract', applicant: person, documents: [] },
      });
      expect(accepted.statusCode, accepted.body).toBe(201);
      const created = accepted.json() as CaseCreated;
      const status = await inject('GET', `/api/status?number=${created.number}&pin=${created.pin}`);
      expect(status.statusCode, status.body).toBe(200);
      const token = (status.json() as { ratingToken: string | null }).ratingToken;
      expect(token).toEqual(expect.any(String));
      const target = await inject('GET', `/api/ratings/${token}`);
      expect(target.statusCode, target.body).toBe(200);
      const body = target.json() as RatingTarget;
      expect(body).toMatchObject({
        subject: 'case',
        office: { code: office },
        service: { code: 'egrn-extract' },
        date: '2026-12-01',
        rated: false,
      });
      // the number without its last four digits: never the whole number
      expect(body.caseNumber).not.toBe(created.number);
      expect(created.number.startsWith((body.caseNumber ?? '').replace(/[^0-9-]+$/, ''))).toBe(true);
      expect(target.body).not.toMatch(/Иванова|Мария|910|123456/);

      const first = await inject('POST', `/api/ratings/${token}`, { scores: scores(5, 4, 5, 4, 5) });
      expect(first.statusCode, first.body).toBe(201);
      const second = await inject('POST', `/api/ratings/${token}`, { scores: scores(5) });
      expect(second.statusCode).toBe(409);
      expect(second.json().error.code).toBe('ALREADY_RATED');
      const stored = await rows<{ subject: string; office_code: string; n: number }>(
        ctx().database.db,
        sql`select subject, office_code, count(*) over ()::int as n from ratings where case_id = ${created.id}`,
      );
      expect(stored).toEqual([{ subject: 'case', office_code: office, n: 1 }]);
      // a wrong PIN shows no token (the status is a 404 like an unknown number)
      const wrongPin = String((Number(created.pin) + 1) % 1_000_000).padStart(6, '0');
      const wrong = await inject('GET', `/api/status?number=${created.number}&pin=${wrongPin}`);
      expect(wrong.statusCode).toBe(404);
      expect(wrong.body).not.toContain(token as string);
    });

    it('never shows an individual rating to an operator; the office head sees them without who served', async () => {
      const { token } = await visit();
      expect(
        (await inject('POST', `/api/ratings/${token}`, { scores: scores(2), comment: 'Грубо ответили' }))
          .statusCode,
      ).toBe(201);
      for (const url of [
        '/api/quality/ratings',
        '/api/quality/ratings?format=csv',
        `/api/quality/ratings?office=${office}`,
        '/api/quality/follow-ups',
        `/api/quality/follow-ups?status=open&office=${office}`,
      ]) {
        const res = await operator.call({ method: 'GET', url });
        expect(res.statusCode, `${url}: ${res.body}`).toBe(403);
        expect(res.body).not.toContain('Грубо');
      }
      const anonymous = await inject('GET', '/api/quality/ratings');
      expect(anonymous.statusCode).toBe(401);

      const head = await staffClient(ctx().app, ctx().database, [
        { role: 'office_head', scope: { kind: 'offices', offices: [office] } },
      ]);
      const list = await head.call({ method: 'GET', url: `/api/quality/ratings?office=${office}` });
      expect(list.statusCode, list.body).toBe(200);
      expect(list.body).toContain('Грубо ответили');
      expect(list.body).not.toContain(operator.user.id);
      expect(list.body).not.toContain(operator.user.login);
    });
  },
  { clock: () => now },
);
