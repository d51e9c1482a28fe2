import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseIdParamsSchema } from '../../../shared/cases.js';
import { errorBodySchema } from '../../../shared/errors.js';
import { notFound } from '../../errors.js';
import { receiptOf, renderCaseReceipt, statusUrlOf } from '../../pdf/case-receipt.js';
import { checkPdfFonts } from '../../pdf/pdf-fonts.js';
import { officeCard } from '../network/network.service.js';
import { ratingUrl } from '../quality/rating-notify.js';
import { caseRatingToken } from '../quality/rating-token.js';
import { actorScope } from '../staff/auth.policy.js';
import { appendCaseEvents } from './case-trail.js';
import { caseWorkRoles } from './cases.routes.js';
import { lockCaseInScope, toDto } from './cases.service.js';

const receiptQuerySchema = z.object({
  /** The receipt's language (Russian unless asked). */
  locale: z.enum(['ru', 'en']).optional(),
});

/**
 * GET /api/cases/{id}/receipt.pdf — the receipt (расписка) of an accepted case, printed at the window and
 * re-printed on request. It carries the PIN (opened from its sealed column), so every print is an operation
 * on the case: a `receipt_printed` event on its trail, written under the case row's lock in the transaction
 * that renders it (a render that fails leaves no event).
 */
export const caseReceiptRoutes: FastifyPluginAsyncZod = async (app) => {
  // A missing font stops okno at start with its message, rather than the first receipt with a 500.
  checkPdfFonts();

  app.get(
    '/api/cases/:id/receipt.pdf',
    {
      config: { policy: { roles: caseWorkRoles } },
      schema: {
        tags: ['cases'],
        summary:
          'The case’s receipt (PDF, A4): number, PIN, service, documents taken, who accepted them and when, the expected date, where to collect, a QR code of the status page; each print goes on the trail',
        description:
          'The QR code holds PUBLIC_URL/status?number=…&pin=…, which the portal opens and the kiosk’s scanner reads. ' +
          'Each print is a `receipt_printed` event of the case (who, when, where).',
        params: caseIdParamsSchema,
        querystring: receiptQuerySchema,
        response: {
          200: {
            description:
              'The receipt, inline (Content-Disposition: inline; filename="receipt-48-2026-0001234.pdf").',
            content: { 'application/pdf': { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
          },
          404: errorBodySchema.describe('NOT_FOUND: no such case in your scope'),
        },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (!actor) throw notFound('case');
      const now = app.deps.clock?.() ?? new Date();
      const locale = request.query.locale ?? 'ru';
      const db = app.deps.database.db;
      const base = app.outbox.deps(now).publicUrl;
      const { pdf, number } = await db.transaction(async (tx) => {
        const locked = await lockCaseInScope(tx, request.params.id, actorScope(request, caseWorkRoles));
        const [dto, office] = await Promise.all([toDto(tx, locked, now), officeCard(tx, locked.officeCode)]);
        if (!office) throw notFound('office');
        const pin = app.personalData.open(locked.pin);
        const rendered = await renderCaseReceipt(
          receiptOf(dto, pin, { name: office.name, address: office.address, timeZone: office.timeZone }),
          {
            statusUrl: statusUrlOf(base, locked.number, pin),
            ratingUrl: ratingUrl(base, caseRatingToken(app.personalData, locked.id), 'qr'),
            locale,
            generatedAt: now,
          },
        );
        await appendCaseEvents(
          tx,
          locked,
          [
            {
              kind: 'receipt_printed',
              actor: { userId: actor.userId, name: actor.fullName },
              office: locked.officeCode,
              details: { locale },
            },
          ],
          now,
        );
        return { pdf: rendered, number: locked.number };
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="receipt-${number}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
};
