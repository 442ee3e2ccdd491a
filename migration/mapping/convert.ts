// Turns one legacy cell into the value its field stores, or says in Japanese why it
// cannot. Never guesses: a code is not padded, a date the calendar lacks is not moved to
// the nearest day, a too-long text is not cut (the schema rejects it whole).
import { format, isValidInsuredNumber, isValidInsurerNumber, migrationMessages, normalizeKana, parseWareki, toFullWidthKana } from '../../shared/index';
import { codeLookup, type CodeValue } from './codes';
import type { CodeTables, ColumnMapping } from './schema';

export type RejectKind = keyof typeof migrationMessages.reject;

export type Converted = { ok: true; value: unknown } | { ok: false; kind: RejectKind; message: string };

export type Converter = (raw: string) => Converted;

const r = migrationMessages.reject;
const ok = (value: unknown): Converted => ({ ok: true, value });
const absent: Converted = { ok: true, value: undefined };

export function rejection(kind: RejectKind, params: Readonly<Record<string, string | number>>): Converted & { ok: false } {
  return { ok: false, kind, message: format(r[kind], params) };
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Full-width digits, letters and signs to ASCII, ends trimmed: how codes and numbers are compared. */
function normaliseCode(raw: string): string {
  // NFKC leaves printable ASCII as it is; most cells are, and normalising costs.
  return (PRINTABLE_ASCII.test(raw) ? raw : raw.normalize('NFKC')).trim();
}

/** Trailing blanks (padding) go; line breaks inside a field become `\n`. */
function normaliseText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').trimEnd();
}

const INTEGER = /^[+-]?[0-9]+$/;
const DECIMAL = /^[+-]?[0-9]+(\.[0-9]+)?$/;
const TIME = /^([0-9]{1,2}):?([0-9]{2})$/;
const FLAG_TRUE = new Set(['1', '○']);
const FLAG_FALSE = new Set(['0', '']);

export function compileConverter(column: ColumnMapping, codes: CodeTables): Converter {
  const name = column.column;
  const pattern = column.pattern !== undefined ? new RegExp(column.pattern, 'u') : undefined;
  const lookup = column.codes !== undefined ? codeLookup(codes, column.codes) : undefined;
  const table = column.codes ?? '';

  const code = (value: string, raw: string): Converted => {
    if (pattern && !pattern.test(value)) return rejection('pattern', { column: name, value: raw });
    if (column.check === 'insuredNumber' && !isValidInsuredNumber(value)) return rejection('insuredNumber', { column: name, value: raw });
    if (column.check === 'insurerNumber' && !isValidInsurerNumber(value)) return rejection('insurerNumber', { column: name, value: raw });
    if (!lookup) return ok(value);
    const mapped: CodeValue | undefined = lookup(value);
    return mapped === undefined ? rejection('code', { column: name, value: raw, table }) : ok(mapped);
  };

  switch (column.type) {
    case 'text':
      return (raw) => {
        const value = normaliseText(raw);
        return value === '' ? absent : ok(value);
      };
    case 'kana':
      return (raw) => {
        const value = toFullWidthKana(raw);
        return value === '' ? absent : ok(value);
      };
    case 'code':
      return (raw) => {
        const value = normaliseCode(raw);
        return value === '' ? absent : code(value, raw);
      };
    case 'codeList': {
      const separator = column.separator ?? ';';
      return (raw) => {
        const value = normaliseCode(raw);
        if (value === '') return absent;
        const out: unknown[] = [];
        for (const part of value.split(separator)) {
          const one = code(part.trim(), raw);
          if (!one.ok) return one;
          out.push(one.value);
        }
        return ok(out);
      };
    }
    case 'integer':
      return (raw) => {
        const value = normaliseCode(raw);
        if (value === '') return absent;
        return INTEGER.test(value) ? ok(Number(value)) : rejection('integer', { column: name, value: raw });
      };
    case 'decimal':
      return (raw) => {
        const value = normaliseCode(raw);
        if (value === '') return absent;
        return DECIMAL.test(value) ? ok(Number(value)) : rejection('decimal', { column: name, value: raw });
      };
    case 'date':
      return (raw) => {
        const parsed = parseWareki(raw);
        if (parsed.ok) return ok(parsed.iso);
        switch (parsed.error) {
          case 'empty':
            return absent;
          case 'open-ended':
            return column.openEnded === 'absent' ? absent : rejection('dateOpenEnded', { column: name, value: raw });
          case 'impossible-date':
            return rejection('dateImpossible', { column: name, value: raw });
          case 'outside-era':
            return rejection('dateOutsideEra', { column: name, value: raw });
          default:
            return rejection('dateFormat', { column: name, value: raw });
        }
      };
    case 'time':
      return (raw) => {
        const value = normaliseCode(raw);
        if (value === '') return absent;
        const match = TIME.exec(value);
        const hours = Number(match?.[1]);
        const minutes = Number(match?.[2]);
        if (!match || (match[1]?.length === 1 && !value.includes(':')) || hours > 23 || minutes > 59) return rejection('time', { column: name, value: raw });
        return ok(`${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`);
      };
    case 'flag':
      return (raw) => {
        const value = normaliseCode(raw);
        if (FLAG_TRUE.has(value)) return ok(true);
        if (FLAG_FALSE.has(value)) return ok(false);
        return rejection('flag', { column: name, value: raw });
      };
    case 'yesNo':
      return (raw) => {
        const value = normaliseCode(raw);
        if (value === '1') return ok(true);
        if (value === '0') return ok(false);
        if (value === '') return ok(null);
        return rejection('yesNo', { column: name, value: raw });
      };
    case 'file':
      return (raw) => {
        const value = raw.trim();
        if (value === '') return absent;
        // A name, never a path: a row must not reach outside its folder.
        if (/[\\/:*?"<>|\0]/.test(value) || value === '.' || value === '..') return rejection('fileName', { column: name, value: raw });
        return ok(value);
      };
    case 'empty':
      return (raw) => (raw.trim() === '' ? absent : rejection('mustBeEmpty', { column: name, value: raw }));
  }
}

/** The search key a kana column also fills. */
export const searchKeyOf = normalizeKana;
