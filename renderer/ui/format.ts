import { careLevelLabel, centerName, toWareki, uiMessages } from '../../shared/index';

// How the screens write dates, ages and codes: 和暦 first, as staff and forms do.

const none = uiMessages.person.none;

/** `1950-03-01` → `昭和25年3月1日`; a date the calendar cannot place is shown as stored. */
export function warekiDate(iso: string | undefined): string {
  if (!iso) return none;
  try {
    return toWareki(iso);
  } catch {
    return iso;
  }
}

/** Full years on `today`. */
export function ageOn(birthDate: string, today: Date): number | undefined {
  const [y, m, d] = birthDate.split('-').map(Number);
  if (!y || !m || !d) return undefined;
  const month = today.getMonth() + 1;
  const day = today.getDate();
  return today.getFullYear() - y - (month < m || (month === m && day < d) ? 1 : 0);
}

export function careLevelText(code: string | undefined): string {
  if (!code) return none;
  return careLevelLabel(code) ?? code;
}

export function centerText(centerId: string): string {
  return centerName(centerId);
}

export function orNone(value: string | number | undefined | null): string {
  return value === undefined || value === null || value === '' ? none : String(value);
}

/** An instant in Japan's local time, for "last synced" and the like. */
export function localDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
