import type { RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../shared/errors.js';
import type { RoutePolicy } from '../modules/staff/auth.policy.js';
import { carriesBody, isMutating } from './methods.js';

/**
 * The OpenAPI document says everything a route can answer, derived in one place from what every route
 * declares (its policy, parameters, body) instead of being repeated in each: how to sign in (the session
 * cookie, and the CSRF header on a change), an operationId, and each refusal okno really gives.
 */

export const securitySchemes = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'okno_session',
    description: 'The session cookie set by POST /api/auth/login (HttpOnly; Secure when served over https).',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: 'x-csrf-token',
    description:
      'The csrfToken returned by POST /api/auth/login and GET /api/auth/me: required on every change.',
  },
} as const;

/** `GET /api/admin/offices/:code/hours` → `getAdminOfficesByCodeHours`: unique per method and path. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\//, '/')
    .split('/')
    .filter(Boolean)
    .map((segment) => (segment.startsWith(':') ? `by-${segment.slice(1)}` : segment))
    .flatMap((segment) => segment.split(/[^a-zA-Z0-9]+/))
    .filter(Boolean);
  return [method.toLowerCase(), ...words.map((w) => w[0].toUpperCase() + w.slice(1))].join('');
}

const refusals: Record<number, string> = {
  400: 'Refused: a malformed path or parameter, or a body that fails validation (VALIDATION names the field in details).',
  401: 'Not signed in, or the session has expired (UNAUTHENTICATED).',
  403: 'Signed in without the role or the office/district scope this needs (FORBIDDEN), without the CSRF header (CSRF), or before changing a temporary password (PASSWORD_CHANGE_REQUIRED).',
  404: 'No such object (NOT_FOUND).',
  409: 'Conflicts with the current state: the code is taken (CONFLICT), or the last admin would be lost (LAST_ADMIN).',
  413: 'The body is larger than 1 MiB (PAYLOAD_TOO_LARGE).',
  415: 'The body is neither JSON nor plain text (BAD_REQUEST).',
  429: 'Too many requests from this address; retry after the Retry-After header (RATE_LIMITED).',
};

type Schema = Record<string, unknown> & { response?: Record<string | number, unknown>; description?: string };

/** The statuses a route can refuse with, from what it declares. */
export function refusalsOf(method: string, url: string, policy: RoutePolicy | undefined): number[] {
  const statuses = [400, 429];
  if (url.includes(':')) statuses.push(404);
  if (policy !== undefined && policy !== 'public') statuses.push(401, 403);
  if (carriesBody(method)) statuses.push(413, 415);
  if (policy !== undefined && policy !== 'public' && isMutating(method)) statuses.push(409);
  return statuses;
}

/** fastify-swagger's transform: completes a route's schema, then turns zod into JSON Schema. */
export const describeRoute: typeof jsonSchemaTransform = (input) => {
  const route = input.route as RouteOptions & { config?: { policy?: RoutePolicy } };
  const method = String([route.method].flat()[0]).toUpperCase();
  const schema = { ...(input.schema as Schema) };
  if (!input.url.startsWith('/api/')) return jsonSchemaTransform({ ...input, schema });
  const policy = route.config?.policy;
  const response = { ...(schema.response ?? {}) };
  for (const status of refusalsOf(method, input.url, policy)) {
    if (response[status] === undefined) response[status] = errorBodySchema.describe(refusals[status]);
  }
  schema.response = response;
  schema.operationId ??= operationIdOf(method, input.url);
  if (policy !== undefined && policy !== 'public') {
    schema.security = [isMutating(method) ? { session: [], csrf: [] } : { session: [] }];
  }
  const described = jsonSchemaTransform({ ...input, schema });
  nullInNullableEnums(described.schema);
  return described;
};

/**
 * `.nullable()` of an enum comes out as `{ enum: [...], nullable: true }`; OpenAPI 3.0.3 says null must then
 * be among the enum's values too, and a strict validator refuses null otherwise. Adds it, everywhere.
 */
export function nullInNullableEnums(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) nullInNullableEnums(item);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const schema = node as Record<string, unknown>;
  if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null))
    schema.enum = [...schema.enum, null];
  for (const value of Object.values(schema)) nullInNullableEnums(value);
}
