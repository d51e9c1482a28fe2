/**
 * Words of registers and requests: kinds, statuses, what each kind takes; and <CaseActionStatus/>, a
 * write's outcome in words — a refusal says what to do (the register moved on meanwhile, a case is no
 * longer a candidate, the office is not the user's), never the server's English.
 */

import type { Role } from '../../shared/auth.js';
import type { RegisterKind, RegisterStatus, RequestStatus } from '../../shared/case-registers.js';
import type { SubmitState } from '../admin/components/use-submit.js';
import { type MessageKey, useT } from '../app/i18n/index.js';

export const registerKinds: RegisterKind[] = ['transfer', 'results', 'return'];
export const registerStatuses: RegisterStatus[] = ['draft', 'handed_over', 'accepted'];
export const requestStatuses: RequestStatus[] = ['queued', 'sent', 'answered', 'failed'];
/** Who builds and moves registers (the API's roles for /api/registers). */
export const registerRoles: Role[] = ['backoffice', 'office_head', 'admin'];
/** Who reads and makes interagency requests (the API's roles for /api/requests). */
export const requestRoles: Role[] = ['operator', 'backoffice', 'office_head', 'admin'];

const kindKeys: Record<RegisterKind, MessageKey> = {
  transfer: 'clist.reg.kind.transfer',
  results: 'clist.reg.kind.results',
  return: 'clist.reg.kind.return',
};
const kindHints: Record<RegisterKind, MessageKey> = {
  transfer: 'clist.reg.hint.transfer',
  results: 'clist.reg.hint.results',
  return: 'clist.reg.hint.return',
};
const statusKeys: Record<RegisterStatus, MessageKey> = {
  draft: 'clist.reg.status.draft',
  handed_over: 'clist.reg.status.handed_over',
  accepted: 'clist.reg.status.accepted',
};
const requestStatusKeys: Record<RequestStatus, MessageKey> = {
  queued: 'clist.req.status.queued',
  sent: 'clist.req.status.sent',
  answered: 'clist.req.status.answered',
  failed: 'clist.req.status.failed',
};

export function useRegisterWords() {
  const { t } = useT();
  return {
    kind: (kind: RegisterKind) => t(kindKeys[kind]),
    kindHint: (kind: RegisterKind) => t(kindHints[kind]),
    status: (status: RegisterStatus) => t(statusKeys[status]),
    requestStatus: (status: RequestStatus) => t(requestStatusKeys[status]),
  };
}

const refusals: Record<string, MessageKey> = {
  INVALID_TRANSITION: 'clist.err.INVALID_TRANSITION',
  CONFLICT: 'clist.err.CONFLICT',
  FORBIDDEN: 'clist.err.FORBIDDEN',
  NOT_FOUND: 'clist.err.NOT_FOUND',
  VALIDATION: 'clist.err.VALIDATION',
};

/** «Сохранено», or why the server said no, in words. */
export function CaseActionStatus({ state, testId }: { state: SubmitState; testId?: string }) {
  const { t } = useT();
  if (state.done)
    return (
      <p className="notice notice-ok" role="status" data-testid={testId}>
        {state.done}
      </p>
    );
  if (!state.error) return null;
  const key = refusals[state.error.code];
  return (
    <p className="notice notice-error" role="alert" data-error-code={state.error.code} data-testid={testId}>
      {key ? t(key) : t('admin.saveFailed')}
    </p>
  );
}
