import { z } from 'zod';

/** What every admin contract shares: codes, names, paging, the plain acknowledgement. */

export const codeSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lowercase latin letters, digits, . _ - (at most 64)');
export const nameText = z.string().trim().min(1).max(300);
export const shortText = z.string().max(1000);
export const codeParamsSchema = z.object({ code: codeSchema });
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

export const okSchema = z.object({ ok: z.literal(true) });
