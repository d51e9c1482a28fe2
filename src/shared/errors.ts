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
