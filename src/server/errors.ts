import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { issueParams, type ValidationDetail } from '../shared/errors.js';

/** Stable error codes: clients rely on them; never rename one. */
export const errorStatus = {
  BAD_REQUEST: 400,
  VALIDATION: 400,
  NOT_PUBLISHABLE: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  /** The call center's full view of a caller before the caller answered the verification question. */
  NOT_VERIFIED: 403,
  /** A ticket asked for without an enrolled kiosk's token or a staff session of the office. */
  KIOSK_REQUIRED: 401,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LAST_ADMIN: 409,
  /** The office is closed now, closing within the margin, or closed for good: no ticket. */
  OFFICE_CLOSED: 409,
  /** The office does not offer the service asked for. */
  SERVICE_NOT_OFFERED: 409,
  /** Another operator holds the window (or the operator already holds another). */
  WINDOW_TAKEN: 409,
  /** The ticket is not in a state that allows the action; `details.allowed` names what is. */
  INVALID_TRANSITION: 409,
  /** The action needs a window the operator holds. */
  NO_WINDOW: 409,
  /** The booked time has no seat left; `details.nearest` lists the nearest free times. */
  SLOT_TAKEN: 409,
  /** A per-person rule: one active booking per service per phone, at most N active (`details.rule`, `details.max`). */
  BOOKING_LIMIT: 409,
  /** The phone missed too many bookings lately: no booking until `details.until`. */
  PHONE_LIMITED: 409,
  /** The booking is no longer active (cancelled, checked in, no-show, expired): `details.status`. */
  BOOKING_NOT_ACTIVE: 409,
  /** Check-in before the window opens: `details.comeAt` says when. */
  CHECK_IN_TOO_EARLY: 409,
  /** Check-in after the window closed, where the region refuses late visitors. */
  CHECK_IN_TOO_LATE: 409,
  /** The same Idempotency-Key sent again with a different body. */
  IDEMPOTENCY_KEY_REUSED: 409,
  /** The visit or case was rated already: one rating each. */
  ALREADY_RATED: 409,
  /** The follow-up of a rating was closed already, with its outcome. */
  ALREADY_CLOSED: 409,
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
export const invalidField = (field: string, message: string, code = 'unknown_code') =>
  new AppError('VALIDATION', `invalid body.${field}: ${message}`, [
    { field: `body.${field}`, message, code },
  ]);

const locations = /^(body|querystring|params|headers)(\.|$)/;
/** The path of a field inside its location: `body.hours.0.closes` → `hours.0.closes`. */
const innerPath = (field: string) => field.replace(locations, '');

/**
 * A VALIDATION error's `details[]` (src/shared/errors.ts): `field` and `message` as they always were
 * (`body.hours.0.closes`, a developer's English); `path` the field inside its location (`hours.0.closes`,
 * the name a form gives it); `code` a zod issue code (`too_small`, `too_big`, `invalid_format`,
 * `invalid_type`, `invalid_value`…), `custom` with `params.rule` for a rule of ours (`later_than_opens`),
 * or a service's own (`unknown_code`, `wrong_password`…); `params` what a message needs (`{ minimum: 8 }`).
 */
function detail(
  field: string,
  message: string,
  code: string,
  params?: Record<string, unknown>,
): ValidationDetail {
  return { field, message, path: innerPath(field), code, ...(params ? { params } : {}) };
}

type Issue = { path: PropertyKey[]; message: string; code?: string };
const describeIssues = (prefix: string, issues: Issue[]) =>
  issues.map((i) =>
    detail(
      [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
      i.message,
      i.code ?? 'invalid',
      issueParams(i),
    ),
  );

/** A service's VALIDATION details (`[{ field, message, code? }]`) in the same shape as a schema's. */
function normalizeDetails(details: unknown): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((d) => {
    if (!d || typeof d !== 'object' || typeof (d as { field?: unknown }).field !== 'string') return d;
    const { field, message, code, params, ...rest } = d as Record<string, unknown>;
    // a service's extra facts (the bad `line` of an import) stay where they were and are parameters too
    const facts = Object.fromEntries(
      Object.entries(rest).filter(([, v]) => typeof v === 'number' || typeof v === 'string'),
    );
    const all = { ...facts, ...(params && typeof params === 'object' ? params : {}) };
    return {
      ...detail(
        field as string,
        String(message ?? ''),
        typeof code === 'string' ? code : 'invalid',
        Object.keys(all).length ? all : undefined,
      ),
      ...rest,
    };
  });
}

/** One handler for every error: stable code, clear message, 5xx details only in the log. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | ZodError, request, reply) => {
    if (err instanceof AppError) {
      if (err.status >= 500) request.log.error({ err }, 'request failed');
      const retryAfter = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (err.code === 'RATE_LIMITED' && typeof retryAfter === 'number')
        reply.header('retry-after', retryAfter);
      const details = err.code === 'VALIDATION' ? normalizeDetails(err.details) : err.details;
      return reply.status(err.status).send({ error: { code: err.code, message: err.message, details } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      // fastify-type-provider-zod: keyword is the zod issue code, params the rest of the issue
      const fields = err.validation.map((v) =>
        detail(
          [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
          v.message ?? '',
          v.keyword,
          issueParams(v.params ?? {}),
        ),
      );
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
