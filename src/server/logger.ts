import type { FastifyServerOptions } from 'fastify';

/**
 * Pino through Fastify, with request ids; pretty only on a terminal. Credentials, cookies and
 * personal data are redacted: they must never reach a log.
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  return {
    level,
    // People read a terminal; machines read everything else as JSON lines.
    ...(process.stdout.isTTY
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } }
      : {}),
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.newPassword',
        '*.currentPassword',
        '*.phone',
        '*.email',
      ],
      censor: '[redacted]',
    },
  };
}
