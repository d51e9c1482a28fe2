import { createHash } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * The rules that keep sign-in safe from guessing without handing anyone a weapon against an account.
 * Pure: the caller passes the counts and "now".
 *
 * - Failures from one address to one login slow that address down: after `delayAfter` failures in a row
 *   each next try must wait 1 s, 2 s, 4 s … up to 15 minutes. Unknown logins are slowed the same way, so
 *   the answer never tells whether a login exists.
 * - Failures to one account from any address lock it at a much higher count, but only against addresses
 *   the account has not signed in from lately: a stranger's guesses cannot lock out the staff member at
 *   their own desk. An admin sees the lock and lifts it.
 */
export const maxDelaySeconds = 15 * 60;
/** How long a successful sign-in makes an address familiar to the account. */
export const familiarDays = 30;
/** A run of failures older than this is forgotten. */
export const failureMemoryHours = 24;

/** Seconds the next try must wait after `failures` failures in a row from one address to one login. */
export function delaySeconds(failures: number, delayAfter: number): number {
  if (failures < delayAfter) return 0;
  return Math.min(2 ** (failures - delayAfter), maxDelaySeconds);
}

/** Whether a locked account still refuses this address: a familiar address passes the lock. */
export function lockRefuses(lockedUntil: Date | null, familiar: boolean, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime() && !familiar;
}

/** The key of a login for the throttle: the same for any spelling of the login, known or not. */
export const loginKey = (login: string) =>
  createHash('sha256').update(login.trim().toLowerCase()).digest('hex');

/**
 * A login as the security log keeps it when no account has it: a password typed into the login field
 * must not land in the log, nor anything a dictionary could turn back into it (no hash): only its first
 * character and its length.
 */
export function maskedLogin(login: string): string {
  const chars = [...login.trim().toLowerCase()];
  return `${chars[0] ?? ''}… (${chars.length})`;
}

/**
 * The address a sign-in is throttled by: an IPv4 address as it is, an IPv6 one by its /64 network (one
 * host holds a whole /64 and could take a fresh address for every try).
 */
export function throttleAddress(ip: string | null): string {
  if (!ip) return '';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (isIP(ip) !== 6) return ip;
  const [head, tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
