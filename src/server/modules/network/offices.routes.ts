import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { codeParamsSchema } from '../../../shared/admin-common.js';
import {
  adminOfficeSchema,
  adminOfficeSummarySchema,
  adminOfficesQuerySchema,
  exceptionInputSchema,
  hoursBodySchema,
  officeDateParamsSchema,
  officeInputSchema,
  officeServicesBodySchema,
  officeUpdateSchema,
  windowsBodySchema,
} from '../../../shared/network.admin.js';
import { authorOf } from '../history/history.author.js';
import { actorScope, officeServicesRoles } from '../staff/auth.policy.js';
import * as offices from './offices.service.js';

const tags = ['admin: network'];
const officeOfPath = (request: { params: unknown }) =>
  (request.params as { code?: string } | undefined)?.code;
/** The card, status and services of an office: an admin whose scope covers the office. */
const adminOfOffice = { policy: { roles: ['admin'], office: officeOfPath } } as const;
/** Hours, exceptions and windows: also an office head in the offices of their scope. */
const officeStaff = { policy: { roles: ['admin', 'office_head'], office: officeOfPath } } as const;
/** The services an office offers: the same rule as from the service's side (auth.policy.ts). */
const officeServices = { policy: { roles: officeServicesRoles, office: officeOfPath } } as const;
/** A new office: an admin whose scope covers the district it is created in. */
const newOffice = {
  policy: {
    roles: ['admin'],
    district: (request: { body: unknown }) => {
      const district = (request.body as { district?: unknown } | undefined)?.district;
      return typeof district === 'string' ? district : undefined;
    },
  },
} as const;

/** The network of offices: cards, status, windows, weekly hours, dated exceptions, services offered. */
export const adminOfficeRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;
  const write = (request: Parameters<typeof authorOf>[0]) => ({ db: db(), author: authorOf(request) });

  app.get(
    '/api/admin/offices',
    {
      config: { policy: { roles: ['admin'] } },
      schema: {
        tags,
        summary: 'Every office, closed ones included',
        querystring: adminOfficesQuerySchema,
        response: { 200: z.array(adminOfficeSummarySchema) },
      },
    },
    // An admin granted a district or offices sees those; a regional admin sees every office.
    async (request) => offices.listOffices({ db: db() }, request.query, actorScope(request, ['admin'])),
  );

  app.get(
    '/api/admin/offices/:code',
    {
      config: officeStaff,
      schema: {
        tags,
        summary: 'An office in full, with warnings where its hours fall below the legal minimum',
        params: codeParamsSchema,
        response: { 200: adminOfficeSchema },
      },
    },
    async (request) => offices.getOffice({ db: db() }, request.params.code),
  );

  app.post(
    '/api/admin/offices',
    {
      config: newOffice,
      schema: {
        tags,
        summary: 'Create an office',
        body: officeInputSchema,
        response: { 201: adminOfficeSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await offices.createOffice(write(request), request.body)),
  );

  app.put(
    '/api/admin/offices/:code',
    {
      config: adminOfOffice,
      schema: {
        tags,
        summary: "Edit an office's card",
        params: codeParamsSchema,
        body: officeUpdateSchema,
        response: { 200: adminOfficeSchema },
      },
    },
    async (request) =>
      offices.editOffice(
        write(request),
        { ...request.body, code: request.params.code },
        actorScope(request, ['admin']),
      ),
  );

  for (const [action, status] of [
    ['close', 'closed'],
    ['reopen', 'open'],
  ] as const) {
    app.post(
      `/api/admin/offices/:code/${action}`,
      {
        config: adminOfOffice,
        schema: {
          tags,
          summary: action === 'close' ? 'Close an office' : 'Reopen a closed office',
          params: codeParamsSchema,
          response: { 200: adminOfficeSchema },
        },
      },
      async (request) => offices.setOfficeStatus(write(request), request.params.code, status),
    );
  }

  app.put(
    '/api/admin/offices/:code/windows',
    {
      config: officeStaff,
      schema: {
        tags,
        summary: "Replace an office's windows and what each handles (no services or categories: everything)",
        params: codeParamsSchema,
        body: windowsBodySchema,
        response: { 200: adminOfficeSchema },
      },
    },
    async (request) => offices.setWindows(write(request), request.params.code, request.body.windows),
  );

  app.put(
    '/api/admin/offices/:code/hours',
    {
      config: officeStaff,
      schema: {
        tags,
        summary: "Replace an office's weekly hours (a weekday not listed is closed)",
        params: codeParamsSchema,
        body: hoursBodySchema,
        response: { 200: adminOfficeSchema },
      },
    },
    async (request) => offices.setHours(write(request), request.params.code, request.body.hours),
  );

  app.put(
    '/api/admin/offices/:code/exceptions/:date',
    {
      config: officeStaff,
      schema: {
        tags,
        summary: 'Set the exception of a date: closed, or open at other hours',
        params: officeDateParamsSchema,
        body: exceptionInputSchema,
        response: { 200: adminOfficeSchema },
      },
    },
    async (request) =>
      offices.setException(write(request), request.params.code, request.params.date, request.body),
  );

  app.delete(
    '/api/admin/offices/:code/exceptions/:date',
    {
      config: officeStaff,
      schema: {
        tags,
        summary: 'Remove the exception of a date',
        params: officeDateParamsSchema,
        response: { 200: adminOfficeSchema },
      },
    },
    async (request) => offices.removeException(write(request), request.params.code, request.params.date),
  );

  app.put(
    '/api/admin/offices/:code/services',
    {
      config: officeServices,
      schema: {
        tags,
        summary: 'Set the services an office offers: every published one, or a list',
        params: codeParamsSchema,
        body: officeServicesBodySchema,
        response: { 200: adminOfficeSchema },
      },
    },
    async (request) => offices.setOfficeServices(write(request), request.params.code, request.body),
  );
};
