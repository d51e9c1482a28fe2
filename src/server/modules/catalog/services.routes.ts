import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { codeParamsSchema } from '../../../shared/admin-common.js';
import {
  adminServiceSchema,
  adminServicesPageSchema,
  adminServicesQuerySchema,
  serviceCardInputSchema,
  serviceCreateSchema,
  serviceOfficesBodySchema,
  serviceOfficesSchema,
  serviceVersionSchema,
} from '../../../shared/catalog.admin.js';
import { authorOf } from '../history/history.author.js';
import { actorScope, officeServicesRoles } from '../staff/auth.policy.js';
import * as services from './services.service.js';

const tags = ['admin: catalog'];
const config = { policy: { roles: ['admin', 'catalog_editor'] } } as const;
/** A service card serves the whole region: only grants on the region change it. */
const regionConfig = { policy: { roles: ['admin', 'catalog_editor'], region: true } } as const;

/** The catalog's service cards: drafts, publishing, versions, the offices that offer each service. */
export const adminServiceRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;
  const write = (request: Parameters<typeof authorOf>[0]) => ({ db: db(), author: authorOf(request) });

  app.get(
    '/api/admin/services',
    {
      config,
      schema: {
        tags,
        summary: 'Services with their published and draft versions (drafts and unpublished included)',
        querystring: adminServicesQuerySchema,
        response: { 200: adminServicesPageSchema },
      },
    },
    async (request) => services.listServices({ db: db() }, request.query),
  );

  app.get(
    '/api/admin/services/:code',
    {
      config,
      schema: {
        tags,
        summary: 'A service card: the draft if there is one, else the published version',
        params: codeParamsSchema,
        response: { 200: adminServiceSchema },
      },
    },
    async (request) => services.getService({ db: db() }, request.params.code),
  );

  app.post(
    '/api/admin/services',
    {
      config: regionConfig,
      schema: {
        tags,
        summary: 'Create a service as a draft (version 1)',
        body: serviceCreateSchema,
        response: { 201: adminServiceSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.createService(write(request), request.body)),
  );

  app.put(
    '/api/admin/services/:code',
    {
      config: regionConfig,
      schema: {
        tags,
        summary: 'Replace the card: edits the draft, or starts a new draft of a published service',
        params: codeParamsSchema,
        body: serviceCardInputSchema,
        response: { 200: adminServiceSchema },
      },
    },
    async (request) => services.editService(write(request), request.params.code, request.body),
  );

  app.post(
    '/api/admin/services/:code/publish',
    {
      config: regionConfig,
      schema: {
        tags,
        summary: 'Publish the draft (refused with the list of what is missing)',
        params: codeParamsSchema,
        response: { 200: adminServiceSchema },
      },
    },
    async (request) => services.publishService(write(request), request.params.code),
  );

  app.delete(
    '/api/admin/services/:code/draft',
    {
      config: regionConfig,
      schema: {
        tags,
        summary: 'Discard the draft; the published version stays',
        params: codeParamsSchema,
        response: { 200: adminServiceSchema },
      },
    },
    async (request) => services.discardDraft(write(request), request.params.code),
  );

  app.get(
    '/api/admin/services/:code/versions',
    {
      config,
      schema: {
        tags,
        summary: 'Every version of a service, newest first',
        params: codeParamsSchema,
        response: { 200: z.array(serviceVersionSchema) },
      },
    },
    async (request) => services.listVersions({ db: db() }, request.params.code),
  );

  app.get(
    '/api/admin/services/:code/offices',
    {
      config,
      schema: {
        tags,
        summary: 'The offices that offer a service',
        params: codeParamsSchema,
        response: { 200: serviceOfficesSchema },
      },
    },
    async (request) => services.getServiceOffices({ db: db() }, request.params.code),
  );

  app.put(
    '/api/admin/services/:code/offices',
    {
      config,
      schema: {
        tags,
        summary:
          'Set the offices that list a service (main centers offer every published service); each office whose offering changes must lie within the editor’s scope',
        params: codeParamsSchema,
        body: serviceOfficesBodySchema,
        response: { 200: serviceOfficesSchema },
      },
    },
    // The offices whose offering changes must each lie within the editor's scope: the same rule as
    // PUT /api/admin/offices/{code}/services from the office's side.
    async (request) =>
      services.setServiceOffices(
        write(request),
        request.params.code,
        request.body.offices,
        actorScope(request, officeServicesRoles),
      ),
  );
};
