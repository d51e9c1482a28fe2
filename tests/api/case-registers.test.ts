import { verifyCaseChains } from '../../src/server/modules/cases/case-trail.js';
import type { Register, RegisterCandidates, RegisterPage } from '../../src/shared/case-registers.js';
import type { Case, CaseCreated, CaseEvent } from '../../src/shared/cases.js';
import { staffClient } from '../support/admin.js';
import { describeOnBackends } from '../support/app.js';
import { readPdf } from '../support/pdf.js';

type Client = Awaited<ReturnType<typeof staffClient>>;
const office = 'lip-kosmonavtov';
const agency = 'roskadastr';
/** 10:00 in Lipetsk (UTC+3) on a date. */
const at = (date: string) => new Date(`${date}T07:00:00Z`);
let now = at('2026-12-04');

const applicant = (lastName: string) => ({
  kind: 'person',
  lastName,
  firstName: 'Анна',
  phone: '+79105550000',
});

describeOnBackends(
  'registers: transfer, results, return',
  (ctx) => {
    let back: Client;
    let other: Client;
    let operator: Client;
    beforeAll(async () => {
      back = await staffClient(ctx().app, ctx().database, [
        { role: 'backoffice', scope: { kind: 'offices', offices: [office] } },
      ]);
      other = await staffClient(ctx().app, ctx().database, [
        { role: 'backoffice', scope: { kind: 'offices', offices: ['lip-teatralnaya'] } },
      ]);
      operator = await staffClient(ctx().app, ctx().database, [
        { role: 'operator', scope: { kind: 'offices', offices: [office] } },
      ]);
    });

    const accept = async (lastName: string, service = 'egrn-extract') => {
      const res = await back.call({
        method: 'POST',
        url: '/api/cases',
        payload: { office, service, applicant: applicant(lastName), documents: [] },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as CaseCreated;
    };
    const candidates = async (kind: string, client = back) => {
      const res = await client.call({
        method: 'GET',
        url: `/api/registers/candidates?office=${office}&agency=${agency}&kind=${kind}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as RegisterCandidates).items;
    };
    const build = async (kind: string, cases?: string[]) => {
      const res = await back.call({
        method: 'POST',
        url: '/api/registers',
        payload: { office, agency, kind, ...(cases ? { cases } : {}) },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as Register;
    };
    const act = async (id: string, action: 'handover' | 'accept', payload: Record<string, string>) => {
      const res = await back.call({ method: 'POST', url: `/api/registers/${id}/${action}`, payload });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Register;
    };
    const caseOf = async (id: string) =>
      (await back.call({ method: 'GET', url: `/api/cases/${id}` })).json() as Case;
    const eventsOf = async (id: string) =>
      (await back.call({ method: 'GET', url: `/api/cases/${id}/events` })).json() as CaseEvent[];

    let fridayCase: CaseCreated;
    let holidayCase: CaseCreated;
    let transfer: Register;

    it('flags a transfer candidate not handed over by the working day after acceptance, across a weekend and the New Year holidays', async () => {
      // Friday 4 December: the next working day is Monday 7 December
      now = at('2026-12-04');
      fridayCase = await accept('Пятницкая');
      // Wednesday 30 December: 31 December is a day off (moved), 1–10 January the holidays: next is 11 January
      now = at('2026-12-30');
      holidayCase = await accept('Праздничная');

      now = at('2026-12-07');
      let found = await candidates('transfer');
      expect(found.find((c) => c.id === fridayCase.id)?.late).toBe(false);
      now = at('2026-12-08');
      found = await candidates('transfer');
      expect(found.find((c) => c.id === fridayCase.id)?.late).toBe(true);

      now = at('2027-01-08');
      found = await candidates('transfer');
      expect(found.find((c) => c.id === holidayCase.id)?.late).toBe(false);
      now = at('2027-01-11');
      found = await candidates('transfer');
      expect(found.map((c) => c.id)).toEqual([fridayCase.id, holidayCase.id]);
      expect(found.map((c) => c.late)).toEqual([true, false]);
      expect(found[0].applicant).toBe('Пятницкая А.');
      expect(found[0].service.code).toBe('egrn-extract');
    });

    it('builds a register of all candidates with a readable unique number, on each case’s trail', async () => {
      now = at('2027-01-11');
      transfer = await build('transfer');
      expect(transfer.number).toBe(`РП-${office}-2027-000001`);
      expect(transfer.status).toBe('draft');
      expect(transfer.items.map((i) => [i.number, i.late])).toEqual([
        [fridayCase.number, true],
        [holidayCase.number, false],
      ]);
      expect(transfer.count).toBe(2);
      expect(transfer.lateCount).toBe(1);
      expect(transfer.actions).toEqual(['print', 'handover']);
      // on a register: no longer a candidate, and a second register finds nothing
      expect(await candidates('transfer')).toEqual([]);
      const again = await back.call({
        method: 'POST',
        url: '/api/registers',
        payload: { office, agency, kind: 'transfer' },
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('CONFLICT');

      const trail = await eventsOf(fridayCase.id);
      expect(trail.at(-1)).toMatchObject({
        kind: 'register_added',
        details: { register: transfer.id, number: transfer.number, kind: 'transfer', late: true },
      });
      const list = (
        await back.call({ method: 'GET', url: '/api/registers?kind=transfer&status=draft' })
      ).json() as RegisterPage;
      expect(list.items.map((r) => r.id)).toContain(transfer.id);
    });

    it('prints the register with its cases in Cyrillic and counts each print', async () => {
      const res = await back.call({ method: 'GET', url: `/api/registers/${transfer.id}/pdf` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pdf = await readPdf(res.rawPayload);
      const text = pdf.text.join('\n');
      expect(text).toContain('Реестр передачи документов в орган власти');
      expect(text).toContain(transfer.number);
      expect(text).toContain(fridayCase.number);
      expect(text).toContain('Пятницкая А.');
      expect(text).toContain('Принял (орган власти)');
      expect(text).not.toContain('+7910');
      const after = (
        await back.call({ method: 'GET', url: `/api/registers/${transfer.id}` })
      ).json() as Register;
      expect(after.printed).toBe(1);
    });

    it('hands the register to the courier: its cases move to sent, each step on the trail', async () => {
      now = at('2027-01-11');
      const handed = await act(transfer.id, 'handover', { courier: 'Курьер Петров' });
      expect(handed.status).toBe('handed_over');
      expect(handed.courier).toBe('Курьер Петров');
      expect(handed.actions).toEqual(['print', 'accept']);
      for (const c of [fridayCase, holidayCase]) expect((await caseOf(c.id)).stage.code).toBe('sent');
      const kinds = (await eventsOf(fridayCase.id)).map((e) => e.kind);
      expect(kinds.slice(-3)).toEqual(['register_added', 'register_handed_over', 'transition']);
      const transition = (await eventsOf(fridayCase.id)).at(-1);
      expect(transition?.details).toMatchObject({ before: 'accepted', after: 'sent', via: 'register' });

      const twice = await back.call({
        method: 'POST',
        url: `/api/registers/${transfer.id}/handover`,
        payload: { courier: 'Курьер Петров' },
      });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.code).toBe('INVALID_TRANSITION');

      const accepted = await act(transfer.id, 'accept', { acceptedBy: 'Иванов И. И., Роскадастр' });
      expect(accepted.status).toBe('accepted');
      expect((await eventsOf(holidayCase.id)).at(-1)).toMatchObject({
        kind: 'register_accepted',
        details: { acceptedBy: 'Иванов И. И., Роскадастр' },
      });
    });

    it('brings results back: a results register’s acceptance makes each case ready', async () => {
      now = at('2027-01-12');
      const found = await candidates('results');
      expect(found.map((c) => c.id)).toEqual([fridayCase.id, holidayCase.id]);
      const results = await build('results');
      expect(results.number).toBe(`РР-${office}-2027-000001`);
      await act(results.id, 'handover', { courier: 'Курьер Роскадастра' });
      // still at the agency until the office signs
      expect((await caseOf(fridayCase.id)).stage.code).toBe('sent');
      await act(results.id, 'accept', { acceptedBy: 'Сидорова О. В.' });
      const ready = await caseOf(fridayCase.id);
      expect(ready.stage.code).toBe('ready');
      expect(ready.storageUntil).toBe('2027-02-11');
      const kinds = (await eventsOf(fridayCase.id)).map((e) => e.kind);
      // sent → review → ready, each a transition of the register
      expect(kinds.slice(-3)).toEqual(['register_accepted', 'transition', 'transition']);
    });

    it('returns results unclaimed after the storage term', async () => {
      now = at('2027-02-11');
      expect(await candidates('return')).toEqual([]);
      now = at('2027-02-12');
      const found = await candidates('return');
      expect(found.map((c) => c.id)).toEqual([fridayCase.id, holidayCase.id]);
      const back1 = await build('return', [holidayCase.id]);
      expect(back1.items.map((i) => i.id)).toEqual([holidayCase.id]);
      await act(back1.id, 'handover', { courier: 'Курьер Петров' });
      expect((await caseOf(holidayCase.id)).stage.code).toBe('ready');
      await act(back1.id, 'accept', { acceptedBy: 'Роскадастр' });
      const returned = await caseOf(holidayCase.id);
      expect(returned.stage.code).toBe('returned');
      expect(returned.final).toBe(true);
      expect((await candidates('return')).map((c) => c.id)).toEqual([fridayCase.id]);

      // collected after the courier took the register: the result stays issued
      const late = await build('return');
      await act(late.id, 'handover', { courier: 'Курьер Петров' });
      const issued = await back.call({
        method: 'POST',
        url: `/api/cases/${fridayCase.id}/issue`,
        payload: { documentChecked: true, receivedBy: 'applicant' },
      });
      expect(issued.statusCode, issued.body).toBe(200);
      await act(late.id, 'accept', { acceptedBy: 'Роскадастр' });
      expect((await caseOf(fridayCase.id)).stage.code).toBe('issued');
      expect((await eventsOf(fridayCase.id)).at(-1)).toMatchObject({
        kind: 'register_accepted',
        details: { returned: false, stage: 'issued' },
      });
    });

    it('refuses a case that is not a candidate, and takes a case off a draft register', async () => {
      now = at('2027-02-15');
      const a = await accept('Первая');
      const b = await accept('Вторая');
      const wrong = await back.call({
        method: 'POST',
        url: '/api/registers',
        payload: { office, agency, kind: 'transfer', cases: [a.id, fridayCase.id] },
      });
      expect(wrong.statusCode).toBe(409);
      expect(wrong.json().error.details.cases).toEqual([fridayCase.id]);
      const draft = await build('transfer', [a.id, b.id]);
      const res = await back.call({ method: 'DELETE', url: `/api/registers/${draft.id}/cases/${b.id}` });
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as Register).items.map((i) => i.id)).toEqual([a.id]);
      expect((await eventsOf(b.id)).at(-1)?.kind).toBe('register_removed');
      expect((await candidates('transfer')).map((c) => c.id)).toEqual([b.id]);
    });

    it('never puts a case on two registers built at once', async () => {
      now = at('2027-02-16');
      await accept('Одновременная');
      const pending = (await candidates('transfer')).map((c) => c.id);
      const build1 = () =>
        back.call({ method: 'POST', url: '/api/registers', payload: { office, agency, kind: 'transfer' } });
      const results = await Promise.all([build1(), build1()]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const made = results.find((r) => r.statusCode === 201)?.json() as Register;
      expect(made.items.map((i) => i.id)).toEqual(pending);
      expect(await candidates('transfer')).toEqual([]);
    });

    it('refuses to hand over a package refused meanwhile, naming it', async () => {
      now = at('2027-02-17');
      const c = await accept('Отказная');
      const draft = await build('transfer', [c.id]);
      const refused = await back.call({
        method: 'POST',
        url: `/api/cases/${c.id}/transitions`,
        payload: { to: 'refused', comment: 'Заявитель отозвал заявление' },
      });
      expect(refused.statusCode, refused.body).toBe(200);
      const res = await back.call({
        method: 'POST',
        url: `/api/registers/${draft.id}/handover`,
        payload: { courier: 'Курьер Петров' },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'INVALID_TRANSITION',
        details: { number: c.number, stage: 'refused' },
      });
      const removed = await back.call({ method: 'DELETE', url: `/api/registers/${draft.id}/cases/${c.id}` });
      expect(removed.statusCode, removed.body).toBe(200);
    });

    it('keeps registers to their office’s back office', async () => {
      const forbidden = await other.call({
        method: 'GET',
        url: `/api/registers/candidates?office=${office}&agency=${agency}&kind=transfer`,
      });
      expect(forbidden.statusCode).toBe(403);
      const foreign = await other.call({ method: 'GET', url: `/api/registers/${transfer.id}` });
      expect(foreign.statusCode).toBe(404);
      const pdf = await other.call({ method: 'GET', url: `/api/registers/${transfer.id}/pdf` });
      expect(pdf.statusCode).toBe(404);
      const list = (await other.call({ method: 'GET', url: '/api/registers' })).json() as RegisterPage;
      expect(list.items).toEqual([]);
      const build2 = await other.call({
        method: 'POST',
        url: '/api/registers',
        payload: { office, agency, kind: 'transfer' },
      });
      expect(build2.statusCode).toBe(403);
      const byOperator = await operator.call({ method: 'GET', url: '/api/registers' });
      expect(byOperator.statusCode).toBe(403);
    });

    it('leaves every case’s chain of events intact', async () => {
      const result = await verifyCaseChains(ctx().database.db);
      // 6 cases: 14 + 14 events for the two that went the whole way, 2 + 4 + 2 + 4 for the others
      expect(result).toEqual({ ok: true, cases: 6, events: 40 });
    });
  },
  { clock: () => now },
);
