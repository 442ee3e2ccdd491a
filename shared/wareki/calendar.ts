// Proleptic Gregorian arithmetic on ISO `YYYY-MM-DD` strings. Plain integer maths
// rather than `Date`, because `Date` parses in local time on some engines and maps
// two-digit years into the 1900s, and a care record's dates must not shift by a
// day depending on the machine's time zone.

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Years stop at 1–9999 so that every valid date has exactly one four-digit ISO form.
export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parseIsoDate(text: string): CalendarDate | null {
  const match = typeof text === 'string' ? ISO_DATE.exec(text) : null;
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isValidCalendarDate(year, month, day) ? { year, month, day } : null;
}

/** True only for a real calendar date written exactly as `YYYY-MM-DD`. */
export function isIsoDate(text: unknown): text is string {
  return typeof text === 'string' && parseIsoDate(text) !== null;
}

function requireIsoDate(text: string, name: string): CalendarDate {
  const date = parseIsoDate(text);
  if (!date) throw new RangeError(`${name} is not an ISO date (YYYY-MM-DD): ${JSON.stringify(text)}`);
  return date;
}

/** -1, 0 or 1, for sorting; throws on anything that is not a valid ISO date. */
export function compareIsoDates(a: string, b: string): -1 | 0 | 1 {
  requireIsoDate(a, 'a');
  requireIsoDate(b, 'b');
  // Fixed-width ISO dates order the same as strings do.
  return a < b ? -1 : a > b ? 1 : 0;
}

// Days since 1970-01-01 (H. Hinnant's days_from_civil), so that adding days never
// passes through a time zone.
function toDayNumber({ year, month, day }: CalendarDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function fromDayNumber(dayNumber: number): CalendarDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function formatChecked(date: CalendarDate): string {
  if (!isValidCalendarDate(date.year, date.month, date.day)) {
    throw new RangeError(`date out of the supported range 0001–9999: ${date.year}-${date.month}-${date.day}`);
  }
  return formatIsoDate(date.year, date.month, date.day);
}

export function addDays(iso: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer: ${days}`);
  return formatChecked(fromDayNumber(toDayNumber(requireIsoDate(iso, 'iso')) + days));
}

/**
 * Calendar months, clamping to the last day of a shorter month (01-31 + 1 month is
 * 02-28 or 02-29), which is how certification validity periods are counted.
 */
export function addMonths(iso: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer: ${months}`);
  const { year, month, day } = requireIsoDate(iso, 'iso');
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  if (newYear < 1 || newYear > 9999) throw new RangeError(`date out of the supported range 0001–9999: ${iso} + ${months} months`);
  return formatChecked({ year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) });
}
