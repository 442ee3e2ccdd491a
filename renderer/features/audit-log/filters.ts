import { adminMessages, auditOperations, auditResults, format, parseWareki, toWareki, type AuditOperation, type AuditResult } from '../../../shared/index';

// The audit log's filters as the auditor types them, and as the server reads them
// (GET /api/audit and /api/audit/export.csv, server/API.md). Dates are typed in 西暦 or
// 和暦 and sent as days (YYYY-MM-DD, a day in Japan time, inclusive).

const m = adminMessages.audit;

export interface AuditFilterForm {
  userId: string;
  centerId: string;
  personId: string;
  operation: '' | AuditOperation;
  result: '' | AuditResult;
  from: string;
  to: string;
}

export type FilterField = keyof AuditFilterForm;

export const emptyFilters: AuditFilterForm = { userId: '', centerId: '', personId: '', operation: '', result: '', from: '', to: '' };

export const isOperation = (value: string): value is AuditOperation => (auditOperations as readonly string[]).includes(value);
export const isResult = (value: string): value is AuditResult => (auditResults as readonly string[]).includes(value);

/** A typed date as an ISO day, or undefined when it cannot be read (blank is not a date). */
export function readDate(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const parsed = parseWareki(text);
  return parsed.ok ? parsed.iso : undefined;
}

/** Under a date field: the day it will search, in 和暦, so a misread era shows before the search. */
export function datePreview(text: string): string | undefined {
  const iso = readDate(text);
  return iso === undefined ? undefined : format(m.dateAs, { wareki: toWareki(iso) });
}

export type FilterQuery = { ok: true; params: Record<string, string> } | { ok: false; errors: Partial<Record<FilterField, string>> };

/** The query parameters of the filters, or the fields that cannot be sent, each named in Japanese. */
export function filterQuery(form: AuditFilterForm): FilterQuery {
  const params: Record<string, string> = {};
  const errors: Partial<Record<FilterField, string>> = {};
  for (const field of ['userId', 'centerId', 'personId', 'operation', 'result'] as const) {
    const value = form[field].normalize('NFKC').trim();
    if (value !== '') params[field] = value;
  }
  for (const field of ['from', 'to'] as const) {
    if (form[field].trim() === '') continue;
    const iso = readDate(form[field]);
    if (iso === undefined) errors[field] = format(m.dateInvalid, { field: m[field] });
    else params[field] = iso;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, params };
}

export function queryString(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}

function japanParts(instant: Date): Record<string, string> {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  return Object.fromEntries(parts.map((p) => [p.type, p.value]));
}

/** An entry's instant as staff read it: the 和暦 day and the time in Japan (the UTC instant is shown beside it). */
export function warekiDateTime(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const p = japanParts(instant);
  return `${toWareki(`${p.year}-${p.month}-${p.day}`)} ${p.hour}:${p.minute}:${p.second}`;
}

export type CsvEncoding = 'utf8' | 'cp932';

/** 監査ログ_20261122-120305_UTF-8.csv: sorts by time, and holds nothing Windows forbids in a name. */
export function csvFileName(encoding: CsvEncoding, now: Date): string {
  const p = japanParts(now);
  const stamp = `${p.year}${p.month}${p.day}-${p.hour}${p.minute}${p.second}`;
  return format(m.fileName, { stamp, encoding: encoding === 'utf8' ? 'UTF-8' : 'CP932' });
}
