import type { Writable } from 'node:stream';
import type { FastifyServerOptions } from 'fastify';

/**
 * Pino through Fastify, with request ids; pretty only on a terminal. Credentials, cookies and personal
 * data are redacted, and errors are logged through `safeError`: they must never carry a query's
 * parameters (a password hash, a passport number) into a log.
 */
export function loggerOptions(level: string, stream?: Writable): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  return {
    level,
    // People read a terminal; machines read everything else as JSON lines.
    ...(stream
      ? { stream }
      : process.stdout.isTTY
        ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } }
        : {}),
    serializers: { err: (err: unknown) => safeError(err), req: requestLine },
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.newPassword',
        '*.currentPassword',
        '*.passwordHash',
        '*.password_hash',
        '*.phone',
        '*.email',
      ],
      censor: '[redacted]',
    },
  };
}

/**
 * A request as its log lines show it: method, path and client, never the query string — it can carry a
 * caller's phone (the call center's lookup), a gateway's secret (`?token=`) or what a citizen searched for.
 */
export function requestLine(req: { method?: string; url?: string; ip?: string; hostname?: string }) {
  const url = req.url ?? '';
  const query = url.indexOf('?');
  return {
    method: req.method,
    url: query < 0 ? url : `${url.slice(0, query)}?[query not logged]`,
    host: req.hostname,
    remoteAddress: req.ip,
  };
}

// Fields of node-postgres' and PGlite's errors that name what failed without quoting a value. `detail`,
// `where` and `internalQuery` are left out: they quote the row (`Key (login)=(…)`).
const safeFields = ['code', 'severity', 'routine', 'table', 'column', 'constraint', 'schema', 'dataType'];
// A database message can quote the value it refused (`invalid input syntax for type integer: "…"`).
const longQuoted = /"[^"]{25,}"/g;

const cleanMessage = (message: string) =>
  message
    // drizzle's "Failed query: <sql>\nparams: <values>": the SQL text has only placeholders; the values go.
    .replace(/\nparams:[\s\S]*$/, '\nparams: [redacted]')
    .replace(longQuoted, (q) => `"[redacted ${q.length - 2} characters]"`);

/** What of an error reaches the log: its kind, a cleaned message, the stack's frames, the safe fields, its cause. */
export type LoggedError = { type: string; message: string; stack: string; [field: string]: unknown };

export function safeError(err: unknown, depth = 0): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: '[not an Error: not logged]', stack: '' };
  const e = err as Error & Record<string, unknown>;
  const message = cleanMessage(e.message ?? '');
  const frames = (e.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const out: LoggedError = {
    type: e.name || e.constructor?.name || 'Error',
    message,
    stack: [`${e.name}: ${message}`, ...frames].join('\n'),
  };
  for (const field of safeFields) {
    if (typeof e[field] === 'string' || typeof e[field] === 'number') out[field] = e[field];
  }
  if (typeof e.statusCode === 'number') out.statusCode = e.statusCode;
  if (typeof e.query === 'string') out.query = e.query;
  if (e.cause !== undefined && depth < 3) out.cause = safeError(e.cause, depth + 1);
  return out;
}
