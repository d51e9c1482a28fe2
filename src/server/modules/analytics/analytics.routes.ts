import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  analyticsFilterSchema,
  analyticsSummarySchema,
  breakdownQuerySchema,
  breakdownSchema,
  topServicesQuerySchema,
  topServicesSchema,
} from '../../../shared/analytics.js';
import type { Role } from '../../../shared/auth.js';
import { errorBodySchema } from '../../../shared/errors.js';
import { sendTable } from '../../export/send-table.js';
import { actorScope } from '../staff/auth.policy.js';
import { breakdown, summary, topServices } from './analytics.service.js';
import { breakdownTable, summaryTable, topServicesTable } from './analytics.tables.js';

const tags = ['analytics'];

/** Analysts see the region; office heads their offices (the scope is the WHERE clause); the admin too. */
export const analyticsRoles = ['analyst', 'office_head', 'admin'] as const satisfies readonly Role[];

const officeOf = (r: { query: unknown }) => (r.query as { office?: unknown }).office;
const districtOf = (r: { query: unknown }) => (r.query as { district?: unknown }).district;
/** An office or district asked for must lie in the scope (403), else the rows are narrowed to the scope. */
const policy = {
  roles: analyticsRoles,
  office: (r: { query: unknown }) => (typeof officeOf(r) === 'string' ? (officeOf(r) as string) : undefined),
  district: (r: { query: unknown }) =>
    typeof districtOf(r) === 'string' ? (districtOf(r) as string) : undefined,
};

const refusals = {
  400: errorBodySchema.describe(
    'VALIDATION naming the field (from after to, a period over ten years, bad dates)',
  ),
  403: errorBodySchema.describe('FORBIDDEN: the office or district is outside your scope'),
};
const formats =
  ' `format=csv` or `format=xlsx` answers the same table as a download (UTF-8 CSV with a BOM; an Excel workbook).';

export const analyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = () => ({ db: app.deps.database.db, now: app.deps.clock?.() ?? new Date() });

  app.get(
    '/api/analytics/summary',
    {
      config: { policy },
      schema: {
        tags,
        summary: `The figures of a period (visits and last year's, waits, service time, cases, bookings, ratings, KPIs).${formats}`,
        querystring: analyticsFilterSchema,
        response: { 200: analyticsSummarySchema, ...refusals },
      },
    },
    async (request, reply) => {
      const s = await summary(deps(), actorScope(request, analyticsRoles), request.query);
      if (sendTable(reply, request.query.format, () => summaryTable(s))) return reply;
      return s;
    },
  );

  app.get(
    '/api/analytics/top-services',
    {
      config: { policy },
      schema: {
        tags,
        summary: `The most requested services of a period, with last year's visits.${formats}`,
        querystring: topServicesQuerySchema,
        response: { 200: topServicesSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const t = await topServices(deps(), actorScope(request, analyticsRoles), request.query);
      if (sendTable(reply, request.query.format, () => topServicesTable(t))) return reply;
      return t;
    },
  );

  app.get(
    '/api/analytics/breakdown',
    {
      config: { policy },
      schema: {
        tags,
        summary: `The figures per district, office, service, agency, channel, month or day (by day: at most 400 days).${formats}`,
        querystring: breakdownQuerySchema,
        response: { 200: breakdownSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const b = await breakdown(deps(), actorScope(request, analyticsRoles), request.query);
      if (sendTable(reply, request.query.format, () => breakdownTable(b))) return reply;
      return b;
    },
  );
};
