import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { errorBodySchema } from '../../../shared/errors.js';
import {
  callNextResultSchema,
  finishBodySchema,
  myWindowSchema,
  officeOverviewSchema,
  officeParamsSchema,
  pauseBodySchema,
  postponeBodySchema,
  redirectBodySchema,
  staffTicketSchema,
  ticketIdParamsSchema,
  windowParamsSchema,
  windowStateSchema,
} from '../../../shared/queue.js';
import { AppError } from '../../errors.js';
import { actorScope } from '../staff/auth.policy.js';
import { scopeCoversOffice } from '../staff/scope-office.js';
import { officeOverview } from './queue.load.js';
import {
  actOnTicket,
  callNext,
  closeWindow,
  myWindow,
  type Operator,
  openWindow,
  pauseWindow,
} from './windows.service.js';

const tags = ['staff: queue'];
const windowRoles = ['operator', 'office_head'] as const;
const viewRoles = ['operator', 'office_head', 'admin'] as const;
const officeOf = (request: FastifyRequest) => {
  const office = (request.params as { office?: unknown } | undefined)?.office;
  return typeof office === 'string' ? office : undefined;
};
/** The office in the path: the operator's or office head's grant must cover it. */
const windowPolicy = { policy: { roles: windowRoles, office: officeOf } } as const;
const refusals = {
  404: errorBodySchema,
  409: errorBodySchema.describe(
    'WINDOW_TAKEN (another operator holds it, or you hold another window), NO_WINDOW (you do not hold it open), ' +
      'INVALID_TRANSITION (details.status and details.allowed: what the ticket’s state allows)',
  ),
};

/** The operator's window and the office head's screen. */
export const queueStaffRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = () => ({
    db: app.deps.database.db,
    cipher: app.personalData,
    outbox: () => app.outbox.deps(),
    now: app.deps.clock?.() ?? new Date(),
  });
  const operatorOf = (request: FastifyRequest): Operator => {
    const actor = request.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED', 'sign in first');
    const headScope = actorScope(request, ['office_head']);
    return {
      userId: actor.userId,
      scope: actorScope(request, windowRoles),
      headOf: (office) => scopeCoversOffice(app.deps.database.db, headScope, office),
    };
  };

  app.get(
    '/api/staff/queue/my-window',
    {
      config: { policy: { roles: viewRoles } },
      schema: {
        tags,
        summary: 'The window the signed-in operator holds, with its ticket',
        response: { 200: myWindowSchema },
      },
    },
    async (request) => myWindow(deps(), operatorOf(request).userId),
  );

  app.get(
    '/api/offices/:office/queue/overview',
    {
      config: { policy: { roles: viewRoles, office: officeOf } },
      schema: {
        tags,
        summary:
          'The office head’s screen: every window, the queue per service, alerts, today’s share within 15 minutes',
        params: officeParamsSchema,
        response: { 200: officeOverviewSchema },
      },
    },
    async (request) => officeOverview(deps(), request.params.office),
  );

  const windowAction = (
    path: string,
    summary: string,
    run: (request: FastifyRequest<{ Params: z.infer<typeof windowParamsSchema> }>) => Promise<unknown>,
    body?: z.ZodType,
  ) =>
    app.post(
      `/api/offices/:office/windows/:number/${path}`,
      {
        config: windowPolicy,
        schema: {
          tags,
          summary,
          params: windowParamsSchema,
          ...(body ? { body } : {}),
          response: { 200: windowStateSchema, ...refusals },
        },
      },
      // biome-ignore lint/suspicious/noExplicitAny: the typed request of each action
      async (request) => run(request as any) as never,
    );

  windowAction('open', 'Take the window (one operator per window, one window per operator)', (r) =>
    openWindow(deps(), operatorOf(r), r.params.office, r.params.number),
  );
  windowAction('close', 'Give the window up (the office head may close any of their windows)', (r) =>
    closeWindow(deps(), operatorOf(r), r.params.office, r.params.number),
  );
  windowAction(
    'pause',
    'Pause the window (a break, with a reason): it calls nobody meanwhile',
    (r) =>
      pauseWindow(
        deps(),
        operatorOf(r),
        r.params.office,
        r.params.number,
        (r.body as { reason: string }).reason,
      ),
    pauseBodySchema,
  );
  windowAction('resume', 'Open the paused window again', (r) =>
    pauseWindow(deps(), operatorOf(r), r.params.office, r.params.number, null),
  );

  app.post(
    '/api/offices/:office/windows/:number/call-next',
    {
      config: windowPolicy,
      schema: {
        tags,
        summary:
          'Call the next ticket to the window: redirected to it, booked and due, waiting past the limit, priority, then the longest wait',
        params: windowParamsSchema,
        response: { 200: callNextResultSchema, ...refusals },
      },
    },
    async (request) => ({
      ticket: await callNext(deps(), operatorOf(request), request.params.office, request.params.number),
    }),
  );

  const ticketConfig = { policy: { roles: windowRoles } } as const;
  const ticketAction = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B | undefined,
    input: (body: z.infer<B>) => Parameters<typeof actOnTicket>[3],
  ) =>
    app.post(
      `/api/tickets/:id/${path}`,
      {
        config: ticketConfig,
        schema: {
          tags,
          summary,
          params: ticketIdParamsSchema,
          ...(body ? { body } : {}),
          response: { 200: staffTicketSchema, ...refusals },
        },
      },
      async (request) =>
        actOnTicket(deps(), operatorOf(request), request.params.id, input(request.body as z.infer<B>)),
    );

  ticketAction('recall', 'Call the ticket again (announced on the board again)', undefined, () => ({
    action: 'recall',
  }));
  ticketAction(
    'no-show',
    'The visitor never came (once called the configured number of times)',
    undefined,
    () => ({
      action: 'no_show',
    }),
  );
  ticketAction('start', 'The visitor is at the window: service starts', undefined, () => ({
    action: 'start',
  }));
  ticketAction('finish', 'Finish with an outcome (refused needs a reason)', finishBodySchema, (b) => ({
    action: 'finish',
    outcome: b.outcome,
    reason: b.reason,
  }));
  ticketAction(
    'postpone',
    'Back into the queue after some minutes, keeping the time it waited',
    postponeBodySchema,
    (b) => ({
      action: 'postpone',
      minutes: b.minutes,
    }),
  );
  ticketAction(
    'redirect',
    'To another service or window, keeping the time it waited; "return to me" brings it back here after',
    redirectBodySchema,
    (b) => ({ action: 'redirect', service: b.service, window: b.window, returnToMe: b.returnToMe }),
  );
};
