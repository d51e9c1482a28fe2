import type { PublicTicket, StaffTicket } from '../../src/shared/queue.js';
import type { FollowUp, RatingPage, RatingSaved } from '../../src/shared/ratings.js';
import { ratingCriteria } from '../../src/shared/ratings.js';
import { staffClient } from '../support/admin.js';
import { describeOnBackends } from '../support/app.js';

type Client = Awaited<ReturnType<typeof staffClient>>;
type FollowUps = { items: FollowUp[] };
const office = 'lip-kosmonavtov';
const otherOffice = 'elets-oktyabrskaya';
// Tuesday 1 December 2026, 12:00 in Lipetsk (Moscow time): the office is open 08:00–20:00.
const noon = new Date('2026-12-01T09:00:00Z');
let now = noon;
const daysLater = (days: number) => new Date(noon.getTime() + days * 86_400_000);
const minutesLater = (minutes: number) => new Date(noon.getTime() + minutes * 60_000);

const scores = (low: Partial<Record<(typeof ratingCriteria)[number], number>> = {}) => ({
  time: 5,
  waiting: 4,
  staff: 5,
  comfort: 4,
  information: 5,
  ...low,
});

/** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describeOnBackends(
  'quality, staff side: follow-ups of low ratings, their outcome, the ratings list and its CSV export',
  (ctx) => {
    let operator: Client;
    let head: Client;
    let otherHead: Client;
    let analyst: Client;

    beforeAll(async () => {
      now = noon;
      const { app, database } = ctx();
      operator = await staffClient(app, database, [
        { role: 'operator', scope: { kind: 'offices', offices: [office] } },
      ]);
      head = await staffClient(app, database, [
        { role: 'office_head', scope: { kind: 'offices', offices: [office] } },
      ]);
      otherHead = await staffClient(app, database, [
        { role: 'office_head', scope: { kind: 'offices', offices: [otherOffice] } },
      ]);
      analyst = await staffClient(app, database, [{ role: 'analyst', scope: { kind: 'region' } }]);
      expect((await post(operator, `/api/offices/${office}/windows/1/open`)).statusCode).toBe(200);
    });
    beforeEach(() => {
      now = noon;
    });
    afterAll(async () => {
      now = noon;
      await post(operator, `/api/offices/${office}/windows/1/close`);
    });

    const post = (client: Client, url: string, payload: Record<string, unknown> = {}) =>
      client.call({ method: 'POST', url, payload });
    const get = (client: Client, url: string) => client.call({ method: 'GET', url });

    /** A visit served to its end at window 1; the rating token its public page then carries. */
    async function finishedVisit(service = 'egrn-extract'): Promise<string> {
      const issued = await post(operator, `/api/offices/${office}/tickets`, { service });
      expect(issued.statusCode, issued.body).toBe(201);
      const { track } = issued.json() as { track: string };
      const before = (await ctx().app.inject({ method: 'GET', url: `/api/tickets/${track}` })).json();
      expect(before.ratingToken).toBeNull();
      const called = await post(operator, `/api/offices/${office}/windows/1/call-next`);
      expect(called.statusCode, called.body).toBe(200);
      const ticket = (called.json() as { ticket: StaffTicket }).ticket;
      expect((await post(operator, `/api/tickets/${ticket.id}/start`)).statusCode).toBe(200);
      const finished = await post(operator, `/api/tickets/${ticket.id}/finish`, {
        outcome: 'consultation_given',
      });
      expect(finished.statusCode, finished.body).toBe(200);
      const page = await ctx().app.inject({ method: 'GET', url: `/api/tickets/${track}` });
      const seen = page.json() as PublicTicket & { ratingToken: string | null };
      expect(seen.ratingToken).toEqual(expect.any(String));
      return seen.ratingToken as string;
    }

    async function rate(token: string, body: Record<string, unknown>): Promise<RatingSaved> {
      const res = await ctx().app.inject({ method: 'POST', url: `/api/ratings/${token}`, payload: body });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as RatingSaved;
    }

    const followUps = async (client: Client, query = '') => {
      const res = await get(client, `/api/quality/follow-ups${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as FollowUps).items;
    };

    it('opens a follow-up due in 30 days for a score below 3 with a comment, and none without a comment or at 3', async () => {
      now = minutesLater(10);
      const lowWithComment = await rate(await finishedVisit(), {
        scores: scores({ waiting: 2 }),
        comment: 'Ждала почти час, окно 3 было закрыто.',
      });
      expect(lowWithComment.followUp).toBe(true);
      now = minutesLater(20);
      const lowSilent = await rate(await finishedVisit(), { scores: scores({ waiting: 2 }) });
      expect(lowSilent.followUp).toBe(false);
      now = minutesLater(30);
      const fairWithComment = await rate(await finishedVisit(), {
        scores: scores({ waiting: 3 }),
        comment: 'Нормально, но душно.',
      });
      expect(fairWithComment.followUp).toBe(false);

      const open = await followUps(head, '?status=open');
      expect(open).toHaveLength(1);
      const [item] = open;
      expect(item).toMatchObject({
        office: { code: office, name: expect.any(String) },
        openedOn: '2026-12-01',
        dueOn: '2026-12-31',
        overdue: false,
        status: 'open',
        outcome: null,
        closedAt: null,
      });
      expect(item.rating.scores).toEqual(scores({ waiting: 2 }));
      expect(item.rating.comment).toBe('Ждала почти час, окно 3 было закрыто.');
      expect(item.rating.service?.code).toBe('egrn-extract');
      expect(item.rating.office.code).toBe(office);

      // every rating is listed, newest first; only the first is followed up
      const page = await get(head, `/api/quality/ratings?office=${office}`);
      expect(page.statusCode, page.body).toBe(200);
      const { items } = page.json() as RatingPage;
      expect(items).toHaveLength(3);
      expect(items.map((r) => r.followUp)).toEqual([null, null, 'open']);
      expect(items.map((r) => r.comment)).toEqual([
        'Нормально, но душно.',
        null,
        'Ждала почти час, окно 3 было закрыто.',
      ]);
      const low = (await get(head, `/api/quality/ratings?low=true`)).json() as RatingPage;
      expect(low.items.map((r) => r.scores.waiting)).toEqual([2, 2]);
    });

    it('lists a follow-up as overdue once its 30 days have passed, not before', async () => {
      const [open] = await followUps(head, '?status=open');
      expect(await followUps(head, '?status=overdue')).toEqual([]);
      now = daysLater(30);
      expect(await followUps(head, '?status=overdue')).toEqual([]);
      now = daysLater(31);
      const overdue = await followUps(head, '?status=overdue');
      expect(overdue.map((f) => f.id)).toEqual([open.id]);
      expect(overdue[0].overdue).toBe(true);
      // still open: the open list holds it too, marked
      const stillOpen = await followUps(head, '?status=open');
      expect(stillOpen.find((f) => f.id === open.id)?.overdue).toBe(true);
    });

    it('keeps a follow-up to its office: another office’s head sees none and cannot close it; an operator is refused', async () => {
      const [open] = await followUps(head, '?status=open');
      expect(await followUps(otherHead)).toEqual([]);
      expect(await followUps(otherHead, '?status=open')).toEqual([]);
      // asking for the office by its code shows nothing of it either
      expect(await followUps(otherHead, `?office=${office}`)).toEqual([]);
      const foreignRatings = (await get(otherHead, `/api/quality/ratings?office=${office}`)).json();
      expect((foreignRatings as RatingPage).items).toEqual([]);
      const closeForeign = await post(otherHead, `/api/quality/follow-ups/${open.id}/close`, {
        outcome: 'Не мой офис',
      });
      expect(closeForeign.statusCode).toBe(404);
      const ratings = (await get(otherHead, '/api/quality/ratings')).json() as RatingPage;
      expect(ratings.items).toEqual([]);

      for (const url of [
        '/api/quality/follow-ups',
        '/api/quality/ratings',
        '/api/quality/ratings?format=csv',
      ]) {
        const refused = await get(operator, url);
        expect(refused.statusCode, url).toBe(403);
      }
      const operatorClose = await post(operator, `/api/quality/follow-ups/${open.id}/close`, {
        outcome: 'Оператор не закрывает',
      });
      expect(operatorClose.statusCode).toBe(403);
      // the analyst reads the whole region but records no outcome
      expect((await followUps(analyst, '?status=open')).map((f) => f.id)).toContain(open.id);
      const analystClose = await post(analyst, `/api/quality/follow-ups/${open.id}/close`, {
        outcome: 'Аналитик не закрывает',
      });
      expect(analystClose.statusCode).toBe(403);
    });

    it('closes a follow-up with its outcome once: a second close is 409 ALREADY_CLOSED', async () => {
      const [open] = await followUps(head, '?status=open');
      now = daysLater(2);
      const closed = await post(head, `/api/quality/follow-ups/${open.id}/close`, {
        outcome: '  Связались с заявительницей, извинились; график окон пересмотрен.  ',
      });
      expect(closed.statusCode, closed.body).toBe(200);
      expect(closed.json()).toMatchObject({
        id: open.id,
        status: 'closed',
        outcome: 'Связались с заявительницей, извинились; график окон пересмотрен.',
        closedAt: expect.any(String),
      });
      const again = await post(head, `/api/quality/follow-ups/${open.id}/close`, { outcome: 'Ещё раз' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('ALREADY_CLOSED');
      expect(await followUps(head, '?status=open')).toEqual([]);
      expect((await followUps(head, '?status=closed')).map((f) => f.id)).toEqual([open.id]);
      const listed = (await get(head, `/api/quality/ratings?office=${office}`)).json() as RatingPage;
      expect(listed.items.map((r) => r.followUp)).toEqual([null, null, 'closed']);
    });

    it('exports the ratings as a flat CSV with the criteria as columns, one row per rating', async () => {
      const res = await get(analyst, `/api/quality/ratings?format=csv&office=${office}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(String(res.headers['content-disposition'])).toContain('attachment');
      const [header, ...rows] = parseCsv(res.body.replace(/^\uFEFF/, ''));
      expect(header).toEqual([
        'rated_at',
        'visit_date',
        'subject',
        'office_code',
        'office',
        'service_code',
        'service',
        'window',
        ...ratingCriteria,
        'comment',
        'source',
      ]);
      expect(rows).toHaveLength(3);
      const cell = (row: string[], column: string) => row[header.indexOf(column)];
      // one row per rating, newest first; the comment with a comma stays one cell
      expect(rows.map((r) => cell(r, 'comment'))).toEqual([
        'Нормально, но душно.',
        '',
        'Ждала почти час, окно 3 было закрыто.',
      ]);
      expect(rows.map((r) => cell(r, 'waiting'))).toEqual(['3', '2', '2']);
      expect(rows.map((r) => cell(r, 'office_code'))).toEqual([office, office, office]);
      expect(rows.every((r) => cell(r, 'service_code') === 'egrn-extract')).toBe(true);
      expect(rows.every((r) => cell(r, 'visit_date') === '2026-12-01')).toBe(true);
      // the same filters as the list: only the low ones
      const low = await get(analyst, `/api/quality/ratings?format=csv&office=${office}&low=true`);
      expect(parseCsv(low.body.replace(/^\uFEFF/, ''))).toHaveLength(1 + 2);
    });

    it('refuses bad input with 400 VALIDATION, never a 500', async () => {
      const bad = [
        '/api/quality/ratings?from=2026-13-01',
        '/api/quality/ratings?to=yesterday',
        '/api/quality/ratings?limit=0',
        '/api/quality/ratings?limit=501',
        '/api/quality/ratings?format=pdf',
        '/api/quality/ratings?low=maybe',
        `/api/quality/ratings?after=${'x'.repeat(201)}`,
        '/api/quality/follow-ups?status=forgotten',
      ];
      for (const url of bad) {
        const res = await get(analyst, url);
        expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
        expect(res.json().error.code).toBe('VALIDATION');
      }
      // a cursor that is no cursor of ours is refused as input, never followed into the database
      const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      for (const after of [
        'bm90LWEtY3Vyc29y',
        cursor(['not-a-time', '00000000-0000-4000-8000-000000000000']),
        cursor([17, '00000000-0000-4000-8000-000000000000']),
        cursor(['2026-12-01T09:00:00.000Z', 'not-a-uuid']),
      ]) {
        const res = await get(analyst, `/api/quality/ratings?after=${after}`);
        expect(res.statusCode, `${after}: ${res.body}`).toBe(400);
        expect(res.json().error.code).toBe('VALIDATION');
      }
      const [closed] = await followUps(head, '?status=closed');
      for (const [url, payload] of [
        [`/api/quality/follow-ups/not-a-uuid/close`, { outcome: 'Годный результат' }],
        [`/api/quality/follow-ups/${closed.id}/close`, { outcome: '  ' }],
        [`/api/quality/follow-ups/${closed.id}/close`, {}],
        [`/api/quality/follow-ups/${closed.id}/close`, { outcome: 'x'.repeat(2001) }],
      ] as const) {
        const res = await post(head, url, payload);
        expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
        expect(res.json().error.code).toBe('VALIDATION');
      }
      const unknown = await post(head, '/api/quality/follow-ups/00000000-0000-4000-8000-000000000000/close', {
        outcome: 'Нет такого обращения',
      });
      expect(unknown.statusCode).toBe(404);
    });
  },
  { clock: () => now },
);
