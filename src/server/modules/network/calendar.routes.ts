import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  adminCalendarDaySchema,
  adminCalendarYearSchema,
  calendarDateParamsSchema,
  calendarDayInputSchema,
  calendarImportBodySchema,
  calendarImportResultSchema,
  calendarYearQuerySchema,
} from '../../../shared/network.admin.js';
import { authorOf } from '../history/history.author.js';
import {
  getCalendarYear,
  importCalendarYear,
  removeCalendarDay,
  setCalendarDay,
} from './calendar.service.js';

const tags = ['admin: calendar'];
const config = { policy: { roles: ['admin'] } } as const;
/** The calendar holds for the whole region: only its admins change it. */
const regionConfig = { policy: { roles: ['admin'], region: true } } as const;

/**
 * The production calendar. The portal's hours and the working-day arithmetic read calendar_days on each
 * request, so a change here applies at once.
 */
export const adminCalendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    '/api/admin/calendar',
    {
      config,
      schema: {
        tags,
        summary: 'Every day of a year with its kind, note and whether an entry overrides the weekday rule',
        querystring: calendarYearQuerySchema,
        response: { 200: adminCalendarYearSchema },
      },
    },
    async (request) => getCalendarYear({ db: db() }, request.query.year),
  );

  app.put(
    '/api/admin/calendar/:date',
    {
      config: regionConfig,
      schema: {
        tags,
        summary: "Set a day's kind (the weekday's default kind removes the entry)",
        params: calendarDateParamsSchema,
        body: calendarDayInputSchema,
        response: { 200: adminCalendarDaySchema },
      },
    },
    async (request) =>
      setCalendarDay({ db: db(), author: authorOf(request) }, request.params.date, request.body),
  );

  app.delete(
    '/api/admin/calendar/:date',
    {
      config: regionConfig,
      schema: {
        tags,
        summary: "Remove a day's entry: the weekday rule applies again",
        params: calendarDateParamsSchema,
        response: { 200: adminCalendarDaySchema },
      },
    },
    async (request) => removeCalendarDay({ db: db(), author: authorOf(request) }, request.params.date),
  );

  app.post(
    '/api/admin/calendar/import',
    {
      config: regionConfig,
      schema: {
        tags,
        summary: "Replace a year's entries from CSV (date,kind,note lines) or a JSON array",
        body: calendarImportBodySchema,
        response: { 200: calendarImportResultSchema },
      },
    },
    async (request) => importCalendarYear({ db: db(), author: authorOf(request) }, request.body),
  );
};
