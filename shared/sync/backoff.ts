// Exponential backoff for reconnecting after a network loss: the city requires the
// connection to come back by itself after brief outages, without every device hammering
// the server in step when it returns (hence the jitter).

export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  /** Growth per failed attempt. */
  factor: number;
  /** Share of the delay drawn at random, 0 (none) to 1. */
  jitter: number;
}

export const defaultBackoff: BackoffPolicy = { initialMs: 500, maxMs: 30_000, factor: 2, jitter: 0.2 };

/** The wait before retry number `attempt` (1 for the first retry). `random` returns [0, 1). */
export function backoffDelay(attempt: number, policy: BackoffPolicy = defaultBackoff, random: () => number = () => 0.5): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  const base = Math.min(policy.maxMs, policy.initialMs * policy.factor ** exponent);
  const spread = base * policy.jitter;
  return Math.max(0, Math.round(base - spread + 2 * spread * random()));
}
