import type { FastifyRequest } from 'fastify';
import type { Client } from './auth.service.js';

export const sessionCookie = 'okno_session';
export const csrfHeader = 'x-csrf-token';

/** Where a request came from, for the security log. */
export const clientOf = (request: FastifyRequest): Client => ({
  ip: request.ip ?? null,
  userAgent: (request.headers['user-agent'] ?? '').slice(0, 500) || null,
});
