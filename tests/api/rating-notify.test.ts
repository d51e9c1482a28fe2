import { rows, sql } from '../../src/server/db/client.js';
import { parseRatingToken } from '../../src/server/modules/quality/rating-token.js';
import type { IssuedTicket, StaffTicket } from '../../src/shared/queue.js';
import { smsParts } from '../../src/shared/sms-length.js';
import { staffClient } from '../support/admin.js';
import { describeOnBackends } from '../support/app.js';

type Client = Awaited<ReturnType<typeof staffClient>>;
const office = 'lip-teatralnaya';
// Tuesday 1 December 2026, 12:00 in Lipetsk (Moscow time): the office is open, no quiet hours.
const noon = new Date('2026-12-01T09:00:00Z');
let now = noon;

describeOnBackends(
  'ratings: a finished visit with a phone is asked to rate it by SMS (visit.rating)',
  (ctx) => {
    let operator: Client;
    beforeAll(async () => {
      operator = await staffClient(ctx().app, ctx().database, [
        { role: 'operator', scope: { kind: 'offices', offices: [office] } },
      ]);
      const open = await operator.call({ method: 'POST', url: `/api/offices/${office}/windows/2/open` });
      expect(open.statusCode, open.body).toBe(200);
    });

    beforeEach(() => {
      now = noon;
    });

    const post = (url: string, payload: Record<string, unknown> = {}) =>
      operator.call({ method: 'POST', url, payload });

    /** Issues a ticket, calls, serves and finishes it at window 2. */
    async function serve(body: Record<string, unknown>): Promise<IssuedTicket> {
      const issued = await post(`/api/offices/${office}/tickets`, body);
      expect(issued.statusCode, issued.body).toBe(201);
      const ticket: IssuedTicket = issued.json();
      const called = await post(`/api/offices/${office}/windows/2/call-next`);
      expect((called.json() as { ticket: StaffTicket }).ticket.id).toBe(ticket.id);
      expect((await post(`/api/tickets/${ticket.id}/start`)).statusCode).toBe(200);
      const finished = await post(`/api/tickets/${ticket.id}/finish`, { outcome: 'consultation_given' });
      expect(finished.statusCode, finished.body).toBe(200);
      return ticket;
    }

    const messagesOf = (number: string) =>
      rows<{ channel: string; content: string; next_attempt_at: Date | string; locale: string }>(
        ctx().database.db,
        sql`select channel, content, next_attempt_at, locale from outbox_messages
            where event = 'visit.rating' and subject_ref = ${number}`,
      );

    it('queues one SMS with the rating link of this visit, in the finish’s transaction, due now', async () => {
      const ticket = await serve({ purpose: 'consult', phone: '+79120004411' });
      const messages = await messagesOf(ticket.number);
      expect(messages).toHaveLength(1);
      const [message] = messages;
      expect(message?.channel).toBe('sms');
      expect(new Date(message!.next_attempt_at).getTime()).toBe(noon.getTime());
      const { text } = JSON.parse(ctx().app.personalData.open(message!.content)) as { text: string };
      expect(smsParts(text).parts).toBeLessThanOrEqual(2);
      expect(text).toMatch(/^Оцените визит в МФЦ/);
      const link = /https?:\/\/\S+\/rate\/([A-Za-z0-9_.-]+)\?src=sms$/.exec(text);
      expect(link, text).not.toBeNull();
      // the link's token is this visit's
      expect(parseRatingToken(ctx().app.personalData, link![1]!)).toEqual({
        subject: 'visit',
        id: ticket.id,
      });
      // the phone never in the message's text
      expect(text).not.toContain('9120004411');
    });

    it('in English when the ticket was taken in English', async () => {
      const ticket = await serve({ purpose: 'consult', phone: '+79120004412', locale: 'en' });
      const [message] = await messagesOf(ticket.number);
      expect(message?.locale).toBe('en');
      const { text } = JSON.parse(ctx().app.personalData.open(message!.content)) as { text: string };
      expect(text).toMatch(/^Please rate your visit to the MFC/);
      expect(text).toMatch(/\/rate\/\S+\?src=sms$/);
    });

    it('sends nothing for a visit without a phone', async () => {
      const ticket = await serve({ purpose: 'consult' });
      expect(await messagesOf(ticket.number)).toEqual([]);
    });

    it('holds the SMS of a visit finished late in the evening till 09:00 (quiet hours)', async () => {
      now = new Date('2026-12-01T16:40:00Z'); // 19:40: still issuing
      const ticket: IssuedTicket = (
        await post(`/api/offices/${office}/tickets`, { purpose: 'consult', phone: '+79120004413' })
      ).json();
      await post(`/api/offices/${office}/windows/2/call-next`);
      await post(`/api/tickets/${ticket.id}/start`);
      now = new Date('2026-12-01T18:10:00Z'); // finished at 21:10
      const finished = await post(`/api/tickets/${ticket.id}/finish`, { outcome: 'consultation_given' });
      expect(finished.statusCode, finished.body).toBe(200);
      const [message] = await messagesOf(ticket.number);
      expect(new Date(message!.next_attempt_at).toISOString()).toBe('2026-12-02T06:00:00.000Z');
    });
  },
  { clock: () => now },
);

const caseOffice = 'lip-kosmonavtov';
const applicant = (consent: { sms: boolean; email: boolean }) => ({
  kind: 'person',
  lastName: 'Иванова',
  firstName: 'Мария',
  middleName: 'Петровна',
  birthDate: '1980-05-17',
  identityDocument: { kind: 'passport_rf', series: '42 05', number: '123456' },
  phone: '+7 (910) 555-12-34',
  email: 'maria@example.ru',
  consent,
});

describeOnBackends(
  'ratings: a case whose result is issued is asked to rate the service (case.rating)',
  (ctx) => {
    let backoffice: Client;
    beforeAll(async () => {
      backoffice = await staffClient(ctx().app, ctx().database, [
        { role: 'backoffice', scope: { kind: 'offices', offices: [caseOffice] } },
      ]);
    });

    async function issuedCase(consent: { sms: boolean; email: boolean }) {
      const res = await backoffice.call({
        method: 'POST',
        url: '/api/cases',
        payload: {
          office: caseOffice,
          service: 'egrn-extract',
          applicant: applicant(consent),
          documents: [{ name: 'Запрос о предоставлении сведений из ЕГРН', form: 'original', pages: 2 }],
          feePaid: true,
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      const created = res.json() as { id: string; number: string };
      for (const to of ['sent', 'review', 'ready']) {
        const moved = await backoffice.call({
          method: 'POST',
          url: `/api/cases/${created.id}/transitions`,
          payload: { to },
        });
        expect(moved.statusCode, moved.body).toBe(200);
      }
      // before the issue: no invitation yet
      expect(await ratingMessages(created.number)).toEqual([]);
      const issued = await backoffice.call({
        method: 'POST',
        url: `/api/cases/${created.id}/issue`,
        payload: { documentChecked: true, receivedBy: 'applicant' },
      });
      expect(issued.statusCode, issued.body).toBe(200);
      return created;
    }

    const ratingMessages = (number: string) =>
      rows<{ channel: string; content: string }>(
        ctx().database.db,
        sql`select channel, content from outbox_messages
            where event = 'case.rating' and subject_ref = ${number} order by channel`,
      );
    const open = (content: string) =>
      JSON.parse(ctx().app.personalData.open(content)) as { text: string; subject?: string };

    it('queues an SMS and an e-mail, each with the case’s rating link and its own source', async () => {
      const created = await issuedCase({ sms: true, email: true });
      const messages = await ratingMessages(created.number);
      expect(messages.map((m) => m.channel)).toEqual(['email', 'sms']);
      const [email, sms] = messages.map((m) => open(m.content));
      const smsLink = /\/rate\/([A-Za-z0-9_.-]+)\?src=sms$/.exec(sms!.text);
      expect(smsLink, sms!.text).not.toBeNull();
      expect(parseRatingToken(ctx().app.personalData, smsLink![1]!)).toEqual({
        subject: 'case',
        id: created.id,
      });
      expect(smsParts(sms!.text).parts).toBeLessThanOrEqual(2);
      expect(email!.text).toContain(`/rate/${smsLink![1]}?src=email`);
      expect(email!.subject).toContain(created.number);
    });

    it('asks only by the channels the applicant agreed to', async () => {
      const created = await issuedCase({ sms: false, email: false });
      expect(await ratingMessages(created.number)).toEqual([]);
    });
  },
  { clock: () => new Date('2026-12-01T09:00:00Z') },
);
