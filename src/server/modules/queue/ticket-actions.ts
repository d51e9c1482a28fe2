import type { TicketStatus } from '../../../shared/queue.js';

/** What an operator may do with a ticket in each state — pure. */
export const ticketActions = {
  recall: ['called'],
  no_show: ['called'],
  start: ['called'],
  finish: ['serving'],
  postpone: ['called', 'serving'],
  redirect: ['called', 'serving'],
} as const satisfies Record<string, readonly TicketStatus[]>;
export type TicketAction = keyof typeof ticketActions;

/** The actions a ticket in this state allows, for the INVALID_TRANSITION answer. */
export const allowedActions = (status: TicketStatus): TicketAction[] =>
  (Object.keys(ticketActions) as TicketAction[]).filter((a) =>
    (ticketActions[a] as readonly TicketStatus[]).includes(status),
  );

export const allows = (action: TicketAction, status: TicketStatus) =>
  (ticketActions[action] as readonly TicketStatus[]).includes(status);
