import { z } from 'zod';

/**
 * The body of every refusal: `{ error: { code, message, details? } }`. For a 400 VALIDATION, `details`
 * lists the problems (see `ValidationDetail` in src/server/errors.ts for what each member means); a
 * client shows its own words for `code` + `params`, never `message` (a developer's English).
 */
export const validationDetailSchema = z.object({
  /** The field with its location, as it always was: `body.hours.0.closes`. */
  field: z.string(),
  message: z.string(),
  /** The field inside its location: `hours.0.closes`. */
  path: z.string(),
  /** A zod issue code (`too_small`, `invalid_format`…), `custom` with `params.rule`, or a service's code. */
  code: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
});
export type ValidationDetail = z.infer<typeof validationDetailSchema>;

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** The parameters of a zod issue worth a client's message: bounds, formats, allowed values, our rule name. */
const issueParamKeys = [
  'minimum',
  'maximum',
  'inclusive',
  'origin',
  'format',
  'expected',
  'values',
  'divisor',
];

/** A zod issue's parameters as the API sends them (server) and the web reads them (form checks). */
export function issueParams(issue: object): Record<string, unknown> | undefined {
  const fields = issue as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const key of issueParamKeys) {
    const value = fields[key];
    // bigint bounds do not survive JSON; a number is all a message needs
    if (value !== undefined) params[key] = typeof value === 'bigint' ? Number(value) : value;
  }
  if (fields.params && typeof fields.params === 'object') Object.assign(params, fields.params);
  return Object.keys(params).length ? params : undefined;
}
