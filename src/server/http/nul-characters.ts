import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

/** The path of the first string holding a NUL character, or undefined. */
export function findNul(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (depth > 32 || value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return `${path}.${key.replaceAll('\u0000', '\\0')}`;
    const found = findNul(item, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * PostgreSQL cannot store a NUL character in text: a name holding one once failed deep in an insert, as a
 * 500 whose log line carried the query's parameters. It is refused at the door as a 400 naming the field.
 */
export function refuseNulCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['body', request.body],
      ['querystring', request.query],
      ['params', request.params],
    ] as const) {
      const field = findNul(value, part);
      if (field) {
        throw new AppError('VALIDATION', `invalid ${field}: must not contain a NUL character`, [
          { field, message: 'must not contain a NUL character' },
        ]);
      }
    }
  });
}
