import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addWorkingDaysQuerySchema,
  calendarQuerySchema,
  calendarResponseSchema,
  districtSchema,
  isoDateSchema,
  officeDetailSchema,
  officeSummarySchema,
  officesQuerySchema,
} from '../../../shared/network.js';
import { addWorkingDaysFrom, getCalendar, getOffice, listDistricts, listOffices } from './network.service.js';

/** Public network API: districts, offices with their hours, the production calendar. */
export const networkPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    '/api/districts',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['network'],
        summary: 'Districts of the region with their number of open offices, cities first',
        response: { 200: z.array(districtSchema) },
      },
    },
    async () => listDistricts({ db: db() }),
  );

  app.get(
    '/api/offices',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['network'],
        summary:
          'Public offices, filtered by district, kind, an offered service, or open now; nearest first with near=lat,lon',
        querystring: officesQuerySchema,
        response: { 200: z.array(officeSummarySchema) },
      },
    },
    async (request) => {
      const { openNow, ...rest } = request.query;
      const query = { ...rest, openNow: openNow === undefined ? undefined : openNow === 'true' };
      return listOffices({ db: db(), query, now: app.deps.clock?.() ?? new Date() });
    },
  );

  app.get(
    '/api/offices/:code',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['network'],
        summary: 'One office: windows, weekly hours, the next 7 days and the services offered',
        params: z.object({ code: z.string().min(1).max(64) }),
        response: { 200: officeDetailSchema },
      },
    },
    async (request) =>
      getOffice({ db: db(), code: request.params.code, now: app.deps.clock?.() ?? new Date() }),
  );

  app.get(
    '/api/calendar',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['network'],
        summary: 'The production calendar: every date of a range (at most 1,100 days) with its kind',
        querystring: calendarQuerySchema,
        response: { 200: calendarResponseSchema },
      },
    },
    async (request) => getCalendar({ db: db(), from: request.query.from, to: request.query.to }),
  );

  app.get(
    '/api/calendar/add-working-days',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['network'],
        summary: 'The date a number of working days after (or, if negative, before) a date',
        querystring: addWorkingDaysQuerySchema,
        response: { 200: z.object({ date: isoDateSchema }) },
      },
    },
    async (request) => addWorkingDaysFrom({ db: db(), from: request.query.from, days: request.query.days }),
  );
};
