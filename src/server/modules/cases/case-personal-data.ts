import type { FullApplicant } from '../../../shared/cases.js';
import { recordSecurityEvent } from '../staff/security-log.js';
import { openApplicant } from './case-applicant.js';
import { appendCaseEvents } from './case-trail.js';
import * as repo from './cases.repository.js';
import { actorOf, type CaseDeps, type CaseStaff, lockCaseInScope } from './cases.service.js';

/** The full personal data of a case's applicant: the view is on the case's trail and in the security log. */
export async function viewApplicant(deps: CaseDeps, staff: CaseStaff, id: string): Promise<FullApplicant> {
  return deps.db.transaction(async (tx) => {
    const locked = await lockCaseInScope(tx, id, staff.scope);
    const applicant = await repo.findApplicant(tx, locked.applicantId);
    await appendCaseEvents(
      tx,
      locked,
      [
        {
          kind: 'personal_data_viewed',
          actor: actorOf(staff),
          office: locked.officeCode,
          details: { what: 'applicant' },
        },
      ],
      deps.now,
    );
    await recordSecurityEvent(tx, {
      event: 'personal_data_view',
      result: 'ok',
      userId: staff.userId,
      login: staff.login,
      ip: staff.client?.ip ?? null,
      userAgent: staff.client?.userAgent ?? null,
      details: { what: 'case_applicant', ref: locked.number },
    });
    return openApplicant(applicant, deps.cipher);
  });
}

/** The working day after `date` (the last day a package accepted on `date` may leave on time). */
