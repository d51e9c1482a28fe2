import { z } from 'zod';

/** Staff roles and the scopes they are granted on; shared by the server's policies and the web app. */

export const roleSchema = z.enum([
  'operator',
  'backoffice',
  'callcenter',
  'office_head',
  'analyst',
  'catalog_editor',
  'admin',
]);
export type Role = z.infer<typeof roleSchema>;
export const roles = roleSchema.options;

export const scopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('region') }),
  z.object({ kind: z.literal('district'), district: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('offices'), offices: z.array(z.string().min(1).max(64)).min(1).max(500) }),
]);
export type Scope = z.infer<typeof scopeSchema>;

export const grantSchema = z.object({ role: roleSchema, scope: scopeSchema });
export type Grant = z.infer<typeof grantSchema>;

export const meSchema = z.object({
  id: z.string(),
  login: z.string(),
  fullName: z.string(),
  grants: z.array(grantSchema),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

/** A signed-in session: the user and the token every mutating request carries (x-csrf-token). */
export const sessionSchema = z.object({ user: meSchema, csrfToken: z.string() });
export type Session = z.infer<typeof sessionSchema>;

export const loginBodySchema = z.object({
  login: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});

/** The kinds of entry in the security log; the admin console filters by them. */
export const securityEvents = [
  'login_success',
  'login_failure',
  'lock',
  'logout',
  'password_change',
  'password_reset',
  'role_change',
  'user_disabled',
  'user_enabled',
  'access_denied',
  'session_expired',
  'unlock',
  /** A staff member saw a citizen's personal data in full (152-ФЗ): what and why in the details. */
  'personal_data_view',
] as const;
export type SecurityEvent = (typeof securityEvents)[number];
