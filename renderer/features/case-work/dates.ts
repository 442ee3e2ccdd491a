// The calendar the staff live in: a record made at 00:30 in Japan belongs to that day,
// whatever the device's time zone says.
const dayFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' });
const timeFormat = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' });

/** Today in Japan as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  return dayFormat.format(now);
}

/** `HH:MM` in Japan, for "saved at" notices. */
export function clockTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

/** Calendar months from an ISO date (clamped to the month's end), for default date ranges. */
export { addMonths as addMonthsIso } from '../../../shared/index';
