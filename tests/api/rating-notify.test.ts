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
