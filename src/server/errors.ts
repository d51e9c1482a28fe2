import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';

/** Stable error codes: clients rely on them; never rename one. */
export const errorStatus = {
  BAD_REQUEST: 400,
  VALIDATION: 400,
  NOT_PUBLISHABLE: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LAST_ADMIN: 409,
  PAYLOAD_TOO_LARGE: 413,
  HEADERS_TOO_LARGE: 431,
  TIMEOUT: 408,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const badRequest = (message: string, details?: unknown) =>
  new AppError('BAD_REQUEST', message, details);
/** A body field that is well-formed but wrong (an unknown referenced code): named as schema errors name it. */
export const invalidField = (field: string, message: string) =>
  new AppError('VALIDATION', `invalid body.${field}: ${message}`, [{ field: `body.${field}`, message }]);

type Issue = { path: PropertyKey[]; message: string };
const describeIssues = (prefix: string, issues: Issue[]) =>
  issues.map((i) => ({
    field: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
    message: i.message,
  }));

/** One handler for every error: stable code, clear message, 5xx details only in the log. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | ZodError, request, reply) => {
    if (err instanceof AppError) {
      if (err.status >= 500) request.log.error({ err }, 'request failed');
      const retryAfter = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (err.code === 'RATE_LIMITED' && typeof retryAfter === 'number')
        reply.header('retry-after', retryAfter);
      return reply
        .status(err.status)
        .send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => ({
        field: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message,
      }));
      const message = `invalid ${fields.map((f) => f.field).join(', ')}: ${fields.map((f) => f.message).join('; ')}`;
      return reply.status(400).send({ error: { code: 'VALIDATION', message, details: fields } });
    }
    if (err instanceof ZodError) {
      const fields = describeIssues('', err.issues);
      const message = `invalid ${fields.map((f) => f.field).join(', ')}`;
      return reply.status(400).send({ error: { code: 'VALIDATION', message, details: fields } });
    }
    const status = (err as FastifyError).statusCode ?? 500;
    if (status === 429) {
      return reply
        .status(429)
        .send({ error: { code: 'RATE_LIMITED', message: 'too many requests, try again later' } });
    }
    if (status === 413) {
      return reply
        .status(413)
        .send({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'request body is too large' } });
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ error: { code: 'BAD_REQUEST', message: err.message } });
    }
    request.log.error({ err }, 'request failed');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: 'internal error' } });
  });
}
