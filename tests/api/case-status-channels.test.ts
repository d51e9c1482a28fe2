import { rows, sql } from '../../src/server/db/client.js';
import type { Call, CallcenterCase, CallerLookup } from '../../src/shared/callcenter.js';
import { parseCaseNumber } from '../../src/shared/case-number.js';
import type { CaseCreated, CaseEvent, CaseStatus } from '../../src/shared/cases.js';
import { staffClient } from '../support/admin.js';
import { describeOnBackends } from '../support/app.js';
import { readPdf } from '../support/pdf.js';

type Client = Awaited<ReturnType<typeof staffClient>>;
const office = 'lip-kosmonavtov';
const kiosk = { 'x-kiosk-token': `demo-kiosk-${office}` };
const cc = '/api/staff/callcenter';
// Tuesday 1 December 2026, 12:00 in Lipetsk.
const now = new Date('2026-12-01T09:00:00Z');

let phoneCounter = 0;
/** A mobile number no other test uses, in its normal form and as a person might type it. */
function newPhone() {
  const digits = `916${String(process.pid % 1000).padStart(3, '0')}${String(++phoneCounter).padStart(4, '0')}`;
  return {
    normal: `+7${digits}`,
    typed: `8 (${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6, 8)}-${digits.slice(8)}`,
  };
}

const applicant = (phone: string) => ({
  kind: 'person',
  lastName: 'Кузнецова',
  firstName: 'Елена',
  middleName: 'Игоревна',
  phone,
  email: 'elena@example.ru',
  identityDocument: { kind: 'passport_rf', series: '42 07', number: '654321' },
});

describeOnBackends(
  'a case’s status on every channel: the status API, the kiosk, the call center; the receipt',
  (ctx) => {
    let backoffice: Client;
    let operator: Client;

    beforeAll(async () => {
      backoffice = await staffClient(ctx().app, ctx().database, [
        { role: 'backoffice', scope: { kind: 'offices', offices: [office] } },
      ]);
      operator = await staffClient(ctx().app, ctx().database, [
        { role: 'callcenter', scope: { kind: 'region' } },
      ]);
    });

    async function accept(phone: string): Promise<CaseCreated> {
      const res = await backoffice.call({
        method: 'POST',
        url: '/api/cases',
        payload: {
          office,
          service: 'egrn-extract',
          applicant: applicant(phone),
          documents: [
            { name: 'Заявление', form: 'original', pages: 1 },
            { name: 'Паспорт', form: 'copy', pages: 2 },
          ],
          feePaid: true,
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    }
    const move = async (id: string, to: string) => {
      const res = await backoffice.call({
        method: 'POST',
        url: `/api/cases/${id}/transitions`,
        payload: { to },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    const events = async (id: string) =>
      (await backoffice.call({ method: 'GET', url: `/api/cases/${id}/events` })).json() as CaseEvent[];

    async function portal(number: string, pin: string): Promise<CaseStatus> {
      const res = await ctx().app.inject({ method: 'GET', url: `/api/status?number=${number}&pin=${pin}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    }
    /** The kiosk: its token, and the number as its scanner reads it from the receipt's QR link. */
    async function atKiosk(link: string, pin: string): Promise<CaseStatus> {
      const number = parseCaseNumber(link);
      expect(number).not.toBeNull();
      const res = await ctx().app.inject({
        method: 'GET',
        url: `/api/status?number=${encodeURIComponent(number!)}&pin=${pin}`,
        headers: kiosk,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    }
    async function callcenter(number: string): Promise<CallcenterCase> {
      const res = await operator.call({
        method: 'GET',
        url: `${cc}/cases?number=${encodeURIComponent(number)}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    }

    it('gives the same status on the portal, at the kiosk and at the call center, before and after a move', async () => {
      const phone = newPhone();
      const created = await accept(phone.normal);
      const link = `https://mfc.example.ru/status?number=${created.number}&pin=${created.pin}`;

      for (const stage of ['accepted', 'sent']) {
        if (stage !== 'accepted') await move(created.id, stage);
        const web = await portal(created.number, created.pin);
        expect(web.stage.code).toBe(stage);
        expect(await atKiosk(link, created.pin)).toEqual(web);
        const staff = await callcenter(created.number);
        expect(staff.status).toEqual(web);
        expect(staff.id).toBe(created.id);
        expect(staff.applicant).toMatchObject({ name: 'Кузнецова Е. И.', kind: 'person' });
        expect(JSON.stringify(staff)).not.toMatch(/654321|elena@|Елена/);
      }
    });

    it('the call center finds nothing for an unknown number, and refuses a malformed one', async () => {
      const unknown = await operator.call({ method: 'GET', url: `${cc}/cases?number=48-2026-9999998` });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.code).toBe('NOT_FOUND');
      const bad = await operator.call({ method: 'GET', url: `${cc}/cases?number=ABC` });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].params.rule).toBe('case_number');
    });

    it('shows a caller’s cases masked, then in full on a verified call, on the trail and in the security log', async () => {
      const phone = newPhone();
      const created = await accept(phone.normal);
      // someone else's case never shows
      await accept(newPhone().normal);
      const startRes = await operator.call({
        method: 'POST',
        url: `${cc}/calls`,
        payload: { phone: phone.typed },
      });
      expect(startRes.statusCode).toBe(201);
      const call = startRes.json() as Call;
      const lookup = async (withCall: boolean) => {
        const query = new URLSearchParams({ phone: phone.typed, ...(withCall ? { call: call.id } : {}) });
        const res = await operator.call({ method: 'GET', url: `${cc}/lookup?${query}` });
        expect(res.statusCode, res.body).toBe(200);
        return res.json() as CallerLookup;
      };

      const masked = await lookup(true);
      expect(masked.casesFull).toBe(false);
      expect(masked.cases).toHaveLength(1);
      const [only] = masked.cases;
      expect(only.number).toBe(`48-2026-•••${created.number.slice(-4)}`);
      expect(only).toMatchObject({
        id: created.id,
        applicantMasked: 'К*** Е. И.',
        stage: { code: 'accepted' },
        status: null,
        applicant: null,
      });
      expect(JSON.stringify(masked.cases)).not.toContain(created.number);

      // a PIN that is not one of this number's cases is refused; the right one verifies the caller
      const wrongPin = String((Number(created.pin) + 1) % 1_000_000).padStart(6, '0');
      const wrong = await operator.call({
        method: 'POST',
        url: `${cc}/calls/${call.id}/verify`,
        payload: { answered: true, question: 'case_pin', casePin: wrongPin },
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.details[0].code).toBe('wrong_case_pin');
      const verified = await operator.call({
        method: 'POST',
        url: `${cc}/calls/${call.id}/verify`,
        payload: { answered: true, question: 'case_pin', casePin: created.pin },
      });
      expect(verified.statusCode, verified.body).toBe(200);

      const full = await lookup(true);
      expect(full.casesFull).toBe(true);
      expect(full.cases[0]).toMatchObject({
        number: created.number,
        applicant: { name: 'Кузнецова Елена Игоревна', phone: phone.normal, email: 'elena@example.ru' },
      });
      expect(full.cases[0].status).toEqual(await portal(created.number, created.pin));

      const trail = await events(created.id);
      expect(trail.at(-1)).toMatchObject({
        kind: 'personal_data_viewed',
        details: { what: 'applicant_contacts', channel: 'callcenter', ref: call.id },
      });
      const [logged] = await rows<{ n: number }>(
        ctx().database.db,
        sql`select count(*)::int as n from security_log where event = 'personal_data_view' and result = 'ok'
          and details->>'what' = 'caller_cases' and details->>'ref' = ${call.id}`,
      );
      expect(logged.n).toBe(1);
      // without the call the same lookup is masked again
      expect((await lookup(false)).casesFull).toBe(false);
    });

    it('prints the receipt with the number, the PIN and the status link, and logs each print on the trail', async () => {
      const created = await accept(newPhone().normal);
      const res = await backoffice.call({ method: 'GET', url: `/api/cases/${created.id}/receipt.pdf` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(`inline; filename="receipt-${created.number}.pdf"`);
      const text = (await readPdf(res.rawPayload)).text.join(' ').replace(/\s+/g, ' ');
      expect(text).toContain(created.number);
      expect(text).toContain(created.pin);
      expect(text).toContain('выписка об основных характеристиках');
      expect(text).toContain('Заявление — оригинал, 1 л.');
      expect(text).toContain('Паспорт — копия, 2 л.');
      expect(text).toContain(`/status?number=${created.number}&pin=${created.pin}`);
      expect(text).toContain('Ожидаемая дата результата 4 декабря 2026 г., пятница');
      expect(text).not.toContain('654321');

      const again = await backoffice.call({
        method: 'GET',
        url: `/api/cases/${created.id}/receipt.pdf?locale=en`,
      });
      expect(again.statusCode).toBe(200);
      const prints = (await events(created.id)).filter((e) => e.kind === 'receipt_printed');
      expect(prints.map((e) => e.details)).toEqual([{ locale: 'ru' }, { locale: 'en' }]);
      expect(prints[0].actor?.id).toBe(backoffice.user.id);
    });

    it('refuses the receipt outside the office scope and to the call center', async () => {
      const created = await accept(newPhone().normal);
      const elsewhere = await staffClient(ctx().app, ctx().database, [
        { role: 'backoffice', scope: { kind: 'offices', offices: ['elets-oktyabrskaya'] } },
      ]);
      const outside = await elsewhere.call({ method: 'GET', url: `/api/cases/${created.id}/receipt.pdf` });
      expect(outside.statusCode).toBe(404);
      const byCallcenter = await operator.call({
        method: 'GET',
        url: `/api/cases/${created.id}/receipt.pdf`,
      });
      expect(byCallcenter.statusCode).toBe(403);
      expect((await events(created.id)).some((e) => e.kind === 'receipt_printed')).toBe(false);
    });
  },
  { clock: () => now },
);
