import { z } from 'zod';
import { nameText, pageQuery } from './admin-common.js';
import { grantSchema } from './auth.js';
import { isoDateSchema } from './network.js';

/** Contracts of the staff admin API: accounts, grants, the security log. */

// ── users ─────────────────────────────────────────────────────────────────────────────────────────────
export const loginSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._@-]{0,99}$/, 'latin letters, digits and . _ @ - (at most 100)');
export const passwordSchema = z.string().min(8, 'at least 8 characters').max(200);
export const userCreateSchema = z.object({
  login: loginSchema,
  fullName: nameText,
  password: passwordSchema,
  grants: z.array(grantSchema).max(100).default([]),
});
export type UserCreateInput = z.input<typeof userCreateSchema>;
export const userGrantsBodySchema = z.object({ grants: z.array(grantSchema).max(100) });
export const resetPasswordBodySchema = z.object({ password: passwordSchema });
// Lower-cased: PostgreSQL reads either case, and a comparison with one's own id must not be fooled by it.
export const userIdParamsSchema = z.object({ id: z.uuid().transform((id) => id.toLowerCase()) });
export const adminUserSchema = z.object({
  id: z.string(),
  login: z.string(),
  fullName: z.string(),
  disabled: z.boolean(),
  /** Until when sign-ins from addresses the account never used are refused (failed sign-ins); null: not locked. */
  lockedUntil: z.string().nullable(),
  grants: z.array(grantSchema),
  createdAt: z.string(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;
export const securityLogQuerySchema = z.object({
  login: z.string().max(100).optional(),
  event: z.string().max(50).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  ...pageQuery,
});
export const securityLogEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  login: z.string().nullable(),
  event: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  result: z.string(),
  details: z.unknown(),
});
export type SecurityLogEntry = z.infer<typeof securityLogEntrySchema>;
export const securityLogPageSchema = z.object({
  items: z.array(securityLogEntrySchema),
  total: z.number().int(),
});
export type SecurityLogPage = z.infer<typeof securityLogPageSchema>;
