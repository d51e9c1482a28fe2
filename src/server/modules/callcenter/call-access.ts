/**
 * Who may see a caller's data in full (152-ФЗ): only the operator on the call, while it runs, once the
 * caller has answered the verification question for the number on the call. Pure: the service applies
 * it inside the read's transaction and logs a refusal.
 */
export type ContactRefusal = 'not_own' | 'not_verified' | 'ended' | 'no_phone';

export function contactRefusal(
  call: { operatorId: string; endedAt: string | null; verifiedAt: string | null; phone: string | null },
  userId: string,
): ContactRefusal | null {
  if (call.operatorId !== userId) return 'not_own';
  if (call.endedAt !== null) return 'ended';
  if (call.phone === null) return 'no_phone';
  if (call.verifiedAt === null) return 'not_verified';
  return null;
}
