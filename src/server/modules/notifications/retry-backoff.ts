/**
 * How long a message waits before its next attempt: exponential from `baseSeconds` (1×, 2×, 4×, …) up to
 * `capSeconds`, with "equal jitter" (half fixed, half random) so that a gateway that comes back is not hit by
 * every waiting message at the same second.
 */
export function retryDelaySeconds(
  attempt: number,
  policy: { baseSeconds: number; capSeconds: number },
  random: () => number = Math.random,
): number {
  const exponential = Math.min(policy.capSeconds, policy.baseSeconds * 2 ** Math.max(0, attempt - 1));
  return exponential / 2 + (random() * exponential) / 2;
}
