import type { Case, CaseCreated, CaseEvent, CasePage, CaseStatus } from '../../src/shared/cases.js';
import { staffClient } from '../support/admin.js';
import { describeOnBackends } from '../support/app.js';

type Client = Awaited<ReturnType<typeof staffClient>>;
const office = 'lip-kosmonavtov';
// Tuesday 1 December 2026, 12:00 in Lipetsk.
const noon = new Date('2026-12-01T09:00:00Z');
let now = noon;

const person = {
  kind: 'person',
  lastName: 'Иванова',
  firstName: 'Мария',
  middleName: 'Петровна',
  birthDate: '1980-05-17',
  identityDocument: { kind: 'passport_rf', series: '42 05', number: '123456' },
  snils: '112-233-445 95',
  phone: '+7 (910) 555-12-34',
  email: 'maria@example.ru',
  consent: { sms: true, email: true },
};

describeOnBackends(
  'cases: acceptance, the route, the trail, the status',
  (ctx) => {
    let operator: Client;
    beforeAll(async () => {
      now = noon;
      operator = await staffClient(ctx().app, ctx().database, [
        { role: 'backoffice', scope: { kind: 'offices', offices: [office] } },
      ]);
    });

    const accept = (body: Record<string, unknown>) =>
      operator.call({ method: 'POST', url: '/api/cases', payload: body });

    it('accepts an application, moves it along its route and shows the same stages to the citizen', async () => {
      const res = await accept({
        office,
        service: 'egrn-extract',
        applicant: person,
        documents: [{ name: 'Запрос о предоставлении сведений из ЕГРН', form: 'original', pages: 2 }],
        feePaid: true,
      });
      expect(res.statusCode, res.body).toBe(201);
      const created = res.json() as CaseCreated;
      expect(created.number).toMatch(/^48-2026-\d{7}$/);
      expect(created.pin).toMatch(/^\d{6}$/);
      expect(created.stage.code).toBe('accepted');
      // 3 working days after Tuesday 1 December
      expect(created.dueDate).toBe('2026-12-04');
      expect(created.applicant.name).toBe('Иванова М. П.');
      expect(created.applicant.document).toMatch(/56$/);
      expect(JSON.stringify(created)).not.toContain('123456');

      for (const to of ['sent', 'review', 'ready']) {
        const moved = await operator.call({
          method: 'POST',
          url: `/api/cases/${created.id}/transitions`,
          payload: { to },
        });
        expect(moved.statusCode, moved.body).toBe(200);
        expect((moved.json() as Case).stage.code).toBe(to);
      }
      const wrong = await operator.call({
        method: 'POST',
        url: `/api/cases/${created.id}/transitions`,
        payload: { to: 'sent' },
      });
      expect(wrong.statusCode).toBe(409);
      expect(wrong.json().error.code).toBe('INVALID_TRANSITION');
      expect(wrong.json().error.details.allowed).toEqual(['issued', 'returned']);

      const status = await ctx().app.inject({
        method: 'GET',
        url: `/api/status?number=${created.number}&pin=${created.pin}`,
      });
      expect(status.statusCode, status.body).toBe(200);
      const body = status.json() as CaseStatus;
      expect(body.stage.code).toBe('ready');
      expect(body.resultReady).toBe(true);
      expect(body.stages.filter((s) => s.at !== null).map((s) => s.code)).toEqual([
        'accepted',
        'sent',
        'review',
        'ready',
      ]);
      expect(status.body).not.toMatch(/Иванова|Мария|910|123456|maria/);

      const issued = await operator.call({
        method: 'POST',
        url: `/api/cases/${created.id}/issue`,
        payload: { documentChecked: true, receivedBy: 'applicant' },
      });
      expect(issued.statusCode, issued.body).toBe(200);
      expect((issued.json() as Case).final).toBe(true);

      const events = (
        await operator.call({ method: 'GET', url: `/api/cases/${created.id}/events` })
      ).json() as CaseEvent[];
      expect(events.map((e) => e.kind)).toEqual([
        'accepted',
        'transition',
        'transition',
        'transition',
        'issued',
      ]);
      for (let i = 1; i < events.length; i++) expect(events[i].prevHash).toBe(events[i - 1].hash);
    });

    it('numbers the first case of a year no instance prepared, inside its own transaction', async () => {
      // the app made 2026's and 2027's sequences at start; 2028's does not exist yet
      now = new Date('2028-03-01T09:00:00Z');
      const results = await Promise.all(
        [0, 1, 2].map(() => accept({ office, service: 'egrn-extract', applicant: person, documents: [] })),
      );
      now = noon;
      for (const r of results) expect(r.statusCode, r.body).toBe(201);
      const numbers = results.map((r) => (r.json() as CaseCreated).number).sort();
      expect(numbers).toEqual(['48-2028-0000001', '48-2028-0000002', '48-2028-0000003']);
    });

    it('gives a wrong PIN and an unknown number the same 404', async () => {
      const created = (
        await accept({ office, service: 'egrn-extract', applicant: person, documents: [] })
      ).json() as CaseCreated;
      const wrongPin = String((Number(created.pin) + 1) % 1_000_000).padStart(6, '0');
      const a = await ctx().app.inject({
        method: 'GET',
        url: `/api/status?number=${created.number}&pin=${wrongPin}`,
      });
      const b = await ctx().app.inject({
        method: 'GET',
        url: `/api/status?number=48-2026-9999999&pin=${created.pin}`,
      });
      expect(a.statusCode).toBe(404);
      expect(b.statusCode).toBe(404);
      expect(a.body).toBe(b.body);
    });

    it('suspends the deadline and explains the move', async () => {
      const created = (
        await accept({ office, service: 'egrn-extract', applicant: person, documents: [] })
      ).json() as CaseCreated;
      const paused = await operator.call({
        method: 'POST',
        url: `/api/cases/${created.id}/suspensions`,
        payload: { note: 'Доверенность' },
      });
      expect(paused.statusCode, paused.body).toBe(201);
      const pausedCase = paused.json() as Case;
      expect(pausedCase.pausedSince).toBe('2026-12-01');
      // Thursday 3 December: two working days later
      now = new Date('2026-12-03T09:00:00Z');
      const resumed = await operator.call({
        method: 'POST',
        url: `/api/cases/${created.id}/suspensions/${pausedCase.suspensions[0].id}/end`,
      });
      expect(resumed.statusCode, resumed.body).toBe(200);
      const after = resumed.json() as Case;
      expect(after.pausedSince).toBeNull();
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
      now = noon;
    });

    it('lists the case as to send, then late to send and overdue, per office and agency', async () => {
      const created = (
        await accept({ office, service: 'egrn-extract', applicant: person, documents: [] })
      ).json() as CaseCreated;
      const counts = async () =>
        (
          await operator.call({
            method: 'GET',
            url: `/api/cases/work-counts?office=${office}&agency=roskadastr`,
          })
        ).json().items[0];
      const list = async (name: string) =>
        (
          (
            await operator.call({ method: 'GET', url: `/api/cases?list=${name}&limit=200` })
          ).json() as CasePage
        ).items;
      expect((await list('to_send')).find((c) => c.id === created.id)?.sendLate).toBe(false);
      const before = await counts();
      // Monday 7 December: the working day after acceptance (Wednesday 2nd) has passed, and the due date (4th)
      now = new Date('2026-12-07T09:00:00Z');
      const late = (await list('to_send')).find((c) => c.id === created.id);
      expect(late?.sendLate).toBe(true);
      expect((await list('overdue')).map((c) => c.id)).toContain(created.id);
      const after = await counts();
      expect(after.sendLate).toBeGreaterThanOrEqual(1);
      expect(after.overdue).toBeGreaterThan(before.overdue);
      now = noon;
    });

    it('finds cases by surname and phone, never another office’s', async () => {
      const created = (
        await accept({
          office,
          service: 'egrn-extract',
          applicant: { ...person, lastName: 'Ёлкина' },
          documents: [],
        })
      ).json() as CaseCreated;
      const bySurname = (
        await operator.call({ method: 'GET', url: `/api/cases?applicant=${encodeURIComponent('елкина')}` })
      ).json() as CasePage;
      expect(bySurname.items.map((c) => c.id)).toEqual([created.id]);
      const byPhone = (
        await operator.call({
          method: 'GET',
          url: `/api/cases?phone=${encodeURIComponent('8 910 555 12 34')}&limit=1`,
        })
      ).json() as CasePage;
      expect(byPhone.items).toHaveLength(1);
      expect(byPhone.next).not.toBeNull();
      const stranger = await staffClient(ctx().app, ctx().database, [
        { role: 'backoffice', scope: { kind: 'offices', offices: ['elets-oktyabrskaya'] } },
      ]);
      expect((await stranger.call({ method: 'GET', url: `/api/cases/${created.id}` })).statusCode).toBe(404);
      const none = (
        await stranger.call({ method: 'GET', url: `/api/cases?number=${created.number}` })
      ).json() as CasePage;
      expect(none.items).toEqual([]);
    });
  },
  { clock: () => now },
);
