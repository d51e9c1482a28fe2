import { z } from 'zod';
import { pageQuery } from './admin-common.js';

/** Contracts of the change history (who changed what, before and after). */

// ── history ───────────────────────────────────────────────────────────────────────────────────────────
export const changeEntitySchema = z.enum([
  'district',
  'agency',
  'office',
  'service',
  'calendar',
  'user',
  'kiosk',
]);
export type ChangeEntity = z.infer<typeof changeEntitySchema>;
export const historyQuerySchema = z.object({
  entity: changeEntitySchema,
  key: z.string().min(1).max(200).optional(),
  ...pageQuery,
});
export const changeSchema = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  login: z.string().nullable(),
  entity: z.string(),
  key: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type Change = z.infer<typeof changeSchema>;
export const historyPageSchema = z.object({ items: z.array(changeSchema), total: z.number().int() });
export type HistoryPage = z.infer<typeof historyPageSchema>;
