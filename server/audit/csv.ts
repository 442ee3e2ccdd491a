// The audit CSV as Excel opens it on a Japanese desktop: UTF-8 with a BOM by default
// (Excel 2016+), or CP932 for older tools; CRLF line ends; operation and result in
// Japanese; cells that Excel would run as formulas are escaped.
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { serverMessages } from '../../shared/index';
import type { ChainedEntry } from './chain';

export type CsvEncoding = 'utf8' | 'cp932';

const headings = serverMessages.audit.csvHeadings;
const columns = Object.keys(headings) as Array<keyof typeof headings>;

function cell(entry: ChainedEntry, column: (typeof columns)[number]): string {
  switch (column) {
    case 'operation':
      return serverMessages.audit.operations[entry.operation];
    case 'result':
      return serverMessages.audit.results[entry.result];
    case 'offline':
      return entry.offline ? '○' : '';
    default: {
      const value = entry[column];
      return value === undefined ? '' : String(value);
    }
  }
}

const unparse = (rows: string[][]) => Papa.unparse(rows, { newline: '\r\n', escapeFormulae: true, quotes: false });

export function csvHeader(): string {
  return unparse([columns.map((c) => headings[c])]) + '\r\n';
}

export function csvRows(entries: readonly ChainedEntry[]): string {
  return entries.length === 0 ? '' : unparse(entries.map((e) => columns.map((c) => cell(e, c)))) + '\r\n';
}

/** Text → bytes in the chosen encoding; the BOM goes first in UTF-8 only. */
export function encodeCsv(text: string, encoding: CsvEncoding, first: boolean): Buffer {
  if (encoding === 'cp932') return iconv.encode(text, 'cp932');
  return Buffer.from((first ? '\uFEFF' : '') + text, 'utf8');
}
