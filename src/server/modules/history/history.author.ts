import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import type { ChangeAuthor } from './history.repository.js';
import '../staff/auth.policy.js';

/** The author of a change: the signed-in staff member (the policy hook has already required one). */
export function authorOf(request: FastifyRequest): ChangeAuthor {
  const actor = request.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED', 'sign in first');
  return { userId: actor.userId, login: actor.login };
}
