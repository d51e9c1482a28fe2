import { isIP } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Client } from './auth.service.js';

export const sessionCookie = 'okno_session';
export const csrfHeader = 'x-csrf-token';

/**
 * The client's address: as a trusted proxy reports it (TRUST_PROXY), else the connection's. Only a valid
 * IP address is ever returned: a forwarded header carries whatever the sender wrote.
 */
export function clientIp(request: FastifyRequest): string | null {
  if (isIP(request.ip)) return request.ip;
  const socket = request.socket?.remoteAddress ?? '';
  return isIP(socket) ? socket : null;
}

/** Where a request came from, for the security log. */
export const clientOf = (request: FastifyRequest): Client => ({
  ip: clientIp(request),
  userAgent: (request.headers['user-agent'] ?? '').slice(0, 500) || null,
});

/** Whether the request reached okno over https: TLS of its own, a declared TLS proxy, or a trusted proxy's word. */
export const servedOverHttps = (request: FastifyRequest) =>
  request.server.deps.config.httpsOnly || request.protocol === 'https';

const cookieOptions = (request: FastifyRequest) => ({
  path: '/',
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: servedOverHttps(request),
});

export const setSessionCookie = (request: FastifyRequest, reply: FastifyReply, token: string) =>
  reply.setCookie(sessionCookie, token, {
    ...cookieOptions(request),
    maxAge: request.server.deps.config.sessionMaxHours * 3600,
  });

export const clearSessionCookie = (request: FastifyRequest, reply: FastifyReply) =>
  reply.clearCookie(sessionCookie, cookieOptions(request));
