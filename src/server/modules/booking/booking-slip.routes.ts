import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bookingCodeParamsSchema, bookingPhoneQuerySchema } from '../../../shared/booking.js';
import { formatBookingCode } from '../../../shared/booking-code.js';
import { errorBodySchema } from '../../../shared/errors.js';
import { renderBookingSlip } from '../../pdf/booking-slip.js';
import { checkPdfFonts } from '../../pdf/pdf-fonts.js';
import { bookingForHolder } from './booking.service.js';

const slipQuerySchema = bookingPhoneQuerySchema.extend({
  /** The slip's language (Russian unless asked). */
  locale: z.enum(['ru', 'en']).optional(),
});

/** The printable slip of a booking, for its holder (code + phone), like the booking itself. */
export const bookingSlipRoutes: FastifyPluginAsyncZod = async (app) => {
  // A missing font stops okno at start with its message, rather than the first slip with a 500.
  checkPdfFonts();

  app.get(
    '/api/bookings/:code/slip.pdf',
    {
      config: {
        policy: 'public',
        sessionless: true,
        // A code with a guessed phone would open someone's booking: limited per address like the holder's
        // other reads (a render also costs some ten milliseconds of CPU).
        rateLimit: { max: app.deps.config.bookingRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['booking'],
        summary:
          'The booking’s printable slip (PDF, A4): code, time on the office’s clock, what to bring, a QR code',
        description:
          'The same 404 NOT_FOUND for an unknown code and for a wrong phone. The QR code holds the manage link ' +
          '(PUBLIC_URL/book/manage?code=XXXX-XXXX), which the kiosk’s scanner reads the code from. Only the masked ' +
          'phone is printed.',
        params: bookingCodeParamsSchema,
        querystring: slipQuerySchema,
        response: {
          200: {
            description: 'The slip, inline (Content-Disposition: inline; filename="booking-XXXX-XXXX.pdf").',
            content: { 'application/pdf': { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
          },
          404: errorBodySchema.describe('No booking with this code and phone (NOT_FOUND).'),
        },
      },
    },
    async (request, reply) => {
      const now = app.deps.clock?.() ?? new Date();
      const { code } = request.params;
      const booking = await bookingForHolder(
        { db: app.deps.database.db, cipher: app.personalData, now },
        code,
        request.query.phone,
      );
      const printed = formatBookingCode(booking.code);
      // the same address the notifications' links use (PUBLIC_URL, else this server)
      const base = app.outbox.deps(now).publicUrl.replace(/\/$/, '');
      const pdf = await renderBookingSlip(booking, {
        manageUrl: `${base}/book/manage?code=${printed}`,
        locale: request.query.locale ?? 'ru',
        generatedAt: now,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="booking-${printed}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
};
