// What a form check returns: each problem keyed by the field it belongs to (so the screen
// can put the message beside it and move focus there) with a Japanese message that names
// the field, as every user-facing error must.
import { caseWorkMessages, format } from '../messages/ja';
import { isIsoDate } from '../wareki/calendar';

export interface FieldError {
  /** The form's key for the field, e.g. `startTime` or `supportRows.1.periodTo`. */
  field: string;
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const v = caseWorkMessages.validation;

/** Collects errors while a form is checked, and helpers for the checks every form needs. */
export class ErrorList {
  readonly errors: FieldError[] = [];

  add(field: string, message: string): void {
    // One message per field: the first problem is the one to fix first.
    if (!this.errors.some((e) => e.field === field)) this.errors.push({ field, message });
  }

  has(field: string): boolean {
    return this.errors.some((e) => e.field === field);
  }

  result<T>(value: () => T): Checked<T> {
    return this.errors.length > 0 ? { ok: false, errors: this.errors } : { ok: true, value: value() };
  }

  /** A required ISO date that is a real day, and not after `notAfter` when given. */
  date(field: string, label: string, value: string, options: { required?: boolean; notAfter?: string } = {}): string | undefined {
    const text = value.trim();
    if (text === '') {
      if (options.required) this.add(field, format(v.required, { field: label }));
      return undefined;
    }
    if (!isIsoDate(text)) {
      this.add(field, format(v.invalidDate, { field: label }));
      return undefined;
    }
    if (options.notAfter !== undefined && text > options.notAfter) {
      this.add(field, format(v.futureDate, { field: label }));
      return undefined;
    }
    return text;
  }

  /** An optional `HH:MM`. */
  time(field: string, label: string, value: string): string | undefined {
    // NFKC: a Japanese IME types ０９：３０ as often as 09:30.
    const text = value.trim().normalize('NFKC');
    if (text === '') return undefined;
    const match = /^(\d{1,2}):(\d{2})$/.exec(text);
    const hours = Number(match?.[1]);
    const minutes = Number(match?.[2]);
    if (!match || hours > 23 || minutes > 59) {
      this.add(field, format(v.invalidTime, { field: label }));
      return undefined;
    }
    return `${String(hours).padStart(2, '0')}:${match[2]}`;
  }

  /** A value from a fixed list of choices; required. */
  choice<T extends string>(field: string, label: string, value: string, choices: readonly T[]): T | undefined {
    if ((choices as readonly string[]).includes(value)) return value as T;
    this.add(field, format(v.choose, { field: label }));
    return undefined;
  }

  /** Free text within a length limit; empty gives undefined. Line breaks are kept. */
  text(field: string, label: string, value: string, limit: number, options: { required?: boolean; trim?: boolean } = {}): string | undefined {
    const text = options.trim === false ? value : value.trim();
    if (text.trim() === '') {
      if (options.required) this.add(field, format(v.required, { field: label }));
      return undefined;
    }
    if (text.length > limit) {
      this.add(field, format(v.tooLong, { field: label, limit }));
      return undefined;
    }
    return text;
  }

  /** `later` must not be before `earlier` (both ISO dates, either may be missing). */
  order(field: string, earlier: { label: string; value: string | undefined }, later: { label: string; value: string | undefined }): void {
    if (earlier.value !== undefined && later.value !== undefined && later.value < earlier.value) {
      this.add(field, format(v.dateOrder, { earlier: earlier.label, later: later.label }));
    }
  }
}
