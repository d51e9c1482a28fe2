import type { Role } from '../../shared/auth.js';

/** Who may open the analytics: the analyst (the whole region), the office head (their offices), the admin. */
export const analyticsRoles: Role[] = ['analyst', 'office_head', 'admin'];
