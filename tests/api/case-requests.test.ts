import { sql } from 'drizzle-orm';
import {
  type AgencyAdapter,
  AgencyError,
  httpAgencyAdapter,
} from '../../src/server/modules/cases/agency-adapter.js';
import { runAgencyRequests } from '../../src/server/modules/cases/requests.worker.js';
import type { AgencyRequest, RequestPage } from '../../src/shared/case-registers.js';
import type { Case, CaseCreated, CaseEvent } from '../../src/shared/cases.js';
import { staffClient } from '../support/admin.js';
import { type AgencyProcess, startAgencyProcess } from '../support/agency.js';
import { describeOnBackends } from '../support/app.js';

type Client = Awaited<ReturnType<typeof staffClient>>;
const office = 'lip-kosmonavtov';
// Tuesday 1 December 2026, 12:00 in Lipetsk.
const noon = new Date('2026-12-01T09:00:00Z');
let now = noon;
const later = (ms: number) => new Date(now.getTime() + ms);
const day = (date: string) => new Date(`${date}T09:00:00Z`);

describeOnBackends(
  'interagency requests: the worker, the simulated agency, the deadline',
  (ctx) => {
    let operator: Client;
    let other: Client;
    let agency: AgencyProcess;
    beforeAll(async () => {
      agency = await startAgencyProcess(['--delay-ms', '0', '--seed', '7']);
      // two attempts per request, so the test sees them used up
      await ctx().database.db.execute(sql`update case_settings set request_attempt_limit = 2`);
      operator = await staffClient(ctx().app, ctx().database, [
        { role: 'operator', scope: { kind: 'offices', offices: [office] } },
      ]);
      other = await staffClient(ctx().app, ctx().database, [
        { role: 'operator', scope: { kind: 'offices', offices: ['lip-teatralnaya'] } },
      ]);
    });
    afterAll(async () => {
      expect(await agency.stop()).toBe(0);
    });

    const run = (adapter: AgencyAdapter) =>
      runAgencyRequests({
        db: ctx().database.db,
        cipher: ctx().app.personalData,
        outbox: () => ctx().app.outbox.deps(),
        now,
        adapter,
        random: () => 0.5,
      });
    const accept = async () => {
      const res = await operator.call({
        method: 'POST',
        url: '/api/cases',
        payload: {
          office,
          service: 'egrn-extract',
          applicant: { kind: 'person', lastName: 'Запросова', firstName: 'Вера' },
          documents: [],
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as CaseCreated;
    };
    const ask = async (caseId: string, subject: string) => {
      const res = await operator.call({
        method: 'POST',
        url: '/api/requests',
        payload: { case: caseId, subject },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as AgencyRequest;
    };
    const get = async (id: string) => {
      const res = await operator.call({ method: 'GET', url: `/api/requests/${id}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as AgencyRequest;
    };
    const caseOf = async (id: string) =>
      (await operator.call({ method: 'GET', url: `/api/cases/${id}` })).json() as Case;
    const eventsOf = async (id: string) =>
      (await operator.call({ method: 'GET', url: `/api/cases/${id}/events` })).json() as CaseEvent[];

    it('sends a request to the simulated agency, retries a failure, attaches the answer and moves the due date', async () => {
      now = noon;
      const adapter = httpAgencyAdapter(agency.url);
      const created = await accept();
      expect(created.dueDate).toBe('2026-12-04');
      const request = await ask(created.id, 'Сведения о кадастровой стоимости участка');
      expect(request).toMatchObject({
        status: 'queued',
        agency: { code: 'roskadastr' },
        sendBy: '2026-12-02',
        answerDue: null,
        overdue: false,
      });
      expect((await caseOf(created.id)).pausedSince).toBe('2026-12-01');

      await agency.failNext(1);
      expect(await run(adapter)).toMatchObject({ sent: 0, retried: 1 });
      const retrying = await get(request.id);
      expect(retrying).toMatchObject({ status: 'queued', attempts: 1 });
      expect(retrying.lastError).toMatch(/503/);
      // backoff: not due again at once
      expect(Date.parse(retrying.nextAttemptAt ?? '')).toBeGreaterThan(now.getTime());
      expect(await run(adapter)).toMatchObject({ sent: 0, retried: 0 });

      now = later(2 * 60_000);
      expect(await run(adapter)).toMatchObject({ sent: 1 });
      const sent = await get(request.id);
      expect(sent).toMatchObject({ status: 'sent', attempts: 2, answerDue: '2026-12-08', lastError: null });
      expect(sent.externalId).toMatch(/^SIM-\d{6}$/);
      const received = (await agency.requests()).find((r) => r.id === request.id);
      expect(received).toMatchObject({
        subject: 'Сведения о кадастровой стоимости участка',
        case: created.number,
      });
      expect(agency.output()).toContain('Сведения о кадастровой стоимости участка');

      // Thursday 3 December: the answer is there
      now = day('2026-12-03');
      expect(await run(adapter)).toMatchObject({ answered: 1 });
      const answered = await get(request.id);
      expect(answered.status).toBe('answered');
      expect(answered.answer).toMatchObject({ via: 'adapter', reference: sent.externalId });
      expect(answered.answer?.text).toContain('Сведения о кадастровой стоимости участка');

      const after = await caseOf(created.id);
      expect(after.pausedSince).toBeNull();
      // 1–3 December paused: 2 working days later than 4 December
      expect(after.dueDate).toBe('2026-12-08');
      expect(after.deadlineChanges).toEqual([
        expect.objectContaining({
          before: '2026-12-04',
          after: '2026-12-08',
          days: 2,
          from: '2026-12-01',
          to: '2026-12-03',
        }),
      ]);
      const kinds = (await eventsOf(created.id)).map((e) => e.kind);
      expect(kinds).toEqual([
        'accepted',
        'request_created',
        'suspended',
        'request_failed',
        'request_sent',
        'request_answered',
        'resumed',
        'deadline_changed',
      ]);
      const answerEvent = (await eventsOf(created.id)).find((e) => e.kind === 'request_answered');
      expect(answerEvent?.details.answer).toBe(answered.answer?.text);
    });

    it('refuses a malformed request at the agency for good (400)', async () => {
      const res = await fetch(`${agency.url}/requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ subject: '' }),
      });
      expect(res.status).toBe(400);
      const failing: AgencyAdapter = {
        name: 'test',
        send: () => Promise.reject(new AgencyError('HTTP 400: malformed request', false)),
        poll: () => Promise.resolve({ status: 'pending' }),
      };
      now = noon;
      const created = await accept();
      const request = await ask(created.id, 'Выписка о переходе прав');
      expect(await run(failing)).toMatchObject({ failed: 1, retried: 0 });
      const failed = await get(request.id);
      expect(failed).toMatchObject({
        status: 'failed',
        attempts: 1,
        lastError: 'HTTP 400: malformed request',
      });
      // nothing pending any more: the deadline runs again
      expect((await caseOf(created.id)).pausedSince).toBeNull();

      // the answer came on paper: typed by staff
      const manual = await operator.call({
        method: 'POST',
        url: `/api/requests/${request.id}/answer`,
        payload: { text: 'Ответ получен почтой: переходов прав не было' },
      });
      expect(manual.statusCode, manual.body).toBe(200);
      expect((manual.json() as AgencyRequest).answer).toEqual({
        text: 'Ответ получен почтой: переходов прав не было',
        via: 'manual',
        reference: null,
      });
      const again = await operator.call({
        method: 'POST',
        url: `/api/requests/${request.id}/answer`,
        payload: { text: 'ещё раз' },
      });
      expect(again.statusCode).toBe(409);
      expect((await eventsOf(created.id)).at(-1)).toMatchObject({
        kind: 'request_answered',
        details: { via: 'manual', answer: 'Ответ получен почтой: переходов прав не было' },
      });
    });

    it('gives up after the attempt limit and lets the deadline run again', async () => {
      now = noon;
      const down: AgencyAdapter = {
        name: 'test',
        send: () => Promise.reject(new AgencyError('HTTP 503: the agency is temporarily unavailable', true)),
        poll: () => Promise.resolve({ status: 'pending' }),
      };
      const created = await accept();
      const request = await ask(created.id, 'Сведения о зарегистрированных правах');
      expect(await run(down)).toMatchObject({ retried: 1, failed: 0 });
      now = later(60 * 60_000);
      expect(await run(down)).toMatchObject({ retried: 0, failed: 1 });
      const failed = await get(request.id);
      expect(failed).toMatchObject({ status: 'failed', attempts: 2, nextAttemptAt: null });
      expect(failed.lastError).toBe('attempts used up: HTTP 503: the agency is temporarily unavailable');
      expect((await caseOf(created.id)).pausedSince).toBeNull();
      const trail = (await eventsOf(created.id)).filter((e) => e.kind === 'request_failed');
      expect(trail.map((e) => [e.details.attempt, e.details.final])).toEqual([
        [1, false],
        [2, true],
      ]);
    });

    it('flags a request not sent by its day, and one not answered by its due day', async () => {
      now = noon;
      const created = await accept();
      const request = await ask(created.id, 'Сведения о правообладателе');
      const overdue = async (flag: 'true' | 'false') =>
        (
          (
            await operator.call({ method: 'GET', url: `/api/requests?case=${created.id}&overdue=${flag}` })
          ).json() as RequestPage
        ).items.map((r) => r.id);

      now = day('2026-12-02');
      expect(await overdue('true')).toEqual([]);
      now = day('2026-12-03');
      expect(await overdue('true')).toEqual([request.id]);
      expect(await get(request.id)).toMatchObject({ sendOverdue: true, answerOverdue: false, overdue: true });

      const silent: AgencyAdapter = {
        name: 'test',
        send: () => Promise.resolve({ externalId: 'SILENT-1' }),
        poll: () => Promise.resolve({ status: 'pending' }),
      };
      expect(await run(silent)).toMatchObject({ sent: 1 });
      // sent on Thursday 3 December: due 5 working days later, Thursday 10 December
      expect(await get(request.id)).toMatchObject({
        status: 'sent',
        answerDue: '2026-12-10',
        overdue: false,
      });
      now = day('2026-12-10');
      expect(await run(silent)).toMatchObject({ pending: 1, answered: 0 });
      expect(await overdue('true')).toEqual([]);
      now = day('2026-12-11');
      expect(await overdue('true')).toEqual([request.id]);
      expect(await overdue('false')).toEqual([]);
      expect(await get(request.id)).toMatchObject({ sendOverdue: false, answerOverdue: true, overdue: true });
    });

    it('keeps requests to the case’s office', async () => {
      now = noon;
      const created = await accept();
      const request = await ask(created.id, 'Сведения об обременениях');
      expect((await other.call({ method: 'GET', url: `/api/requests/${request.id}` })).statusCode).toBe(404);
      const create = await other.call({
        method: 'POST',
        url: '/api/requests',
        payload: { case: created.id, subject: 'чужое' },
      });
      expect(create.statusCode).toBe(404);
      const answer = await other.call({
        method: 'POST',
        url: `/api/requests/${request.id}/answer`,
        payload: { text: 'чужое' },
      });
      expect(answer.statusCode).toBe(404);
      const list = (await other.call({ method: 'GET', url: '/api/requests' })).json() as RequestPage;
      expect(list.items).toEqual([]);
    });
  },
  { clock: () => now },
);
