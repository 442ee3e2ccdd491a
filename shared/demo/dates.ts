// Calendar arithmetic on ISO dates for generated data. Everything is in UTC so that a
// seed produces the same dates in every time zone.

export function isoFromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function utcOf(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

export function addDays(iso: string, days: number): string {
  return isoFromUtc(utcOf(iso) + days * 86_400_000);
}

export function addMonths(iso: string, months: number): string {
  const d = new Date(utcOf(iso));
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return isoFromUtc(d.getTime());
}

/** A stamp at a fixed hour of a day, so generated records sort by their dates. */
export function stampOf(iso: string, hour = 1): string {
  return `${iso}T${String(hour).padStart(2, '0')}:00:00.000Z`;
}
