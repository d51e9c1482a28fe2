/** Who may do what with cases in the web app (the server's policies decide; these only choose what to show). */
import type { Role } from '../../shared/auth.js';

/** Who may read cases (the server narrows every read to the user's offices). */
export const caseReadRoles: Role[] = [
  'operator',
  'backoffice',
  'office_head',
  'callcenter',
  'analyst',
  'admin',
];
/** Who may accept an application and work a case. */
export const caseWorkRoles: Role[] = ['operator', 'backoffice', 'office_head', 'admin'];
