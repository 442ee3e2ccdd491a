// The offline lease (DESIGN.md decision 4): a device that the server has not vouched for
// within the lease locks its local data until it reaches the server again, so a lost
// tablet stops opening even with a known password. A clock set back before the last
// verification counts as expired: otherwise turning the clock back would extend the lease.

export type LeaseVerdict = { ok: true; daysLeft: number } | { ok: false; reason: 'expired' | 'clockBehind' };

const dayMs = 24 * 60 * 60 * 1000;
/** Clocks of tablets drift; a few minutes behind is not tampering. */
const clockTolerance = 5 * 60 * 1000;

export function checkLease(lastVerifiedAt: string, leaseDays: number, now: Date): LeaseVerdict {
  const verified = Date.parse(lastVerifiedAt);
  if (Number.isNaN(verified)) return { ok: false, reason: 'expired' };
  const elapsed = now.getTime() - verified;
  if (elapsed < -clockTolerance) return { ok: false, reason: 'clockBehind' };
  const left = leaseDays * dayMs - elapsed;
  if (left <= 0) return { ok: false, reason: 'expired' };
  return { ok: true, daysLeft: Math.ceil(left / dayMs) };
}
