// 5 failed logins within 15 minutes lock the ID for 15 minutes (numbers from config):
// pure rules over the user's record, so the route only stores what they return.
import type { User } from '../../shared/index';

export interface LockoutPolicy {
  maxFailures: number;
  windowMinutes: number;
  durationMinutes: number;
}

export function lockedUntil(user: User, now: number): number | undefined {
  const until = user.lockedUntil ? Date.parse(user.lockedUntil) : Number.NaN;
  return until > now ? until : undefined;
}

/** The user after one more failure: recent failures kept, and a lock when there are too many. */
export function withFailure(user: User, now: number, policy: LockoutPolicy): { user: User; locked: boolean } {
  const windowStart = now - policy.windowMinutes * 60_000;
  const recent = (user.failedLogins ?? []).filter((at) => Date.parse(at) > windowStart);
  recent.push(new Date(now).toISOString());
  if (recent.length >= policy.maxFailures) {
    // A fresh count after the lock: the failures that caused it are spent.
    const { failedLogins: _spent, ...rest } = user;
    return { user: { ...rest, lockedUntil: new Date(now + policy.durationMinutes * 60_000).toISOString() }, locked: true };
  }
  return { user: { ...user, failedLogins: recent.slice(-50) }, locked: false };
}

/** The user after a successful login or a password reset: no failures, no lock. */
export function withoutFailures(user: User): User {
  const { failedLogins: _failures, lockedUntil: _lock, ...rest } = user;
  return rest;
}
