// The pieces both printed forms are made of: label and value cells, 和暦 dates, column
// widths, and the checks that turn bad input into a PrintError naming the field.
import { format, isIsoDate, printMessages, toWareki } from '../../../../shared/index';
import type { Align, Band, Block, Cell } from '../layout/model';
import { PrintError } from '../print-error';

export interface TypeSizes {
  title: number;
  label: number;
  body: number;
}

/** 297 × 420 mm and 210 × 297 mm, in points, turned landscape. */
export const a3Landscape = { width: 1190.55, height: 841.89 };
export const a4Landscape = { width: 841.89, height: 595.28 };

export function text(value: string | undefined, size: number, field?: string, align?: Align): Block {
  return { kind: 'text', text: value ?? '', size, field, align };
}

export function labelCell(label: string, width: number, sizes: TypeSizes): Cell {
  return { width, blocks: [text(label, sizes.label, undefined, 'center')], shade: true, valign: 'middle' };
}

export function valueCell(value: string | undefined, width: number, sizes: TypeSizes, field?: string): Cell {
  return { width, blocks: [text(value, sizes.body, field)], valign: 'middle' };
}

/** A cell headed by its label in small type, with the text below it. */
export function labelledCell(label: string, value: string | undefined, width: number, sizes: TypeSizes, field?: string): Cell {
  return { width, blocks: [text(label, sizes.label), text(value, sizes.body, field)] };
}

export function choicesCell(choices: readonly { label: string; chosen: boolean }[], width: number, sizes: TypeSizes, valign: Cell['valign'] = 'middle'): Cell {
  return { width, blocks: [{ kind: 'choices', choices, size: sizes.body, align: 'center' }], valign };
}

/** ■ before the chosen options and □ before the others, as ticked on paper. */
export function checkboxes(choices: readonly { label: string; chosen: boolean }[]): string {
  return choices.map((c) => `${c.chosen ? printMessages.checked : printMessages.unchecked}${c.label}`).join(printMessages.gap);
}

/** Splits `total` in proportion to `weights`; the parts add up to exactly `total`. */
export function columnWidths(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * total * 100) / 100);
  const rest = total - widths.reduce((a, b) => a + b, 0);
  if (widths.length > 0) widths[widths.length - 1] = (widths[widths.length - 1] as number) + rest;
  return widths;
}

/** 令和6年4月1日 for a date, '' for none; a date that is not a real one stops the print. */
export function wareki(value: string | undefined, field: string): string {
  if (value === undefined || value === '') return '';
  if (!isIsoDate(value)) throw new PrintError('invalidDate', { field, value }, field);
  try {
    return toWareki(value);
  } catch {
    throw new PrintError('invalidDate', { field, value }, field);
  }
}

/** 令和6年4月1日～令和7年3月31日; `stacked` puts the end on its own line for narrow columns, so no date is broken. */
export function period(from: string | undefined, to: string | undefined, fromField: string, toField: string, stacked = false): string {
  const start = wareki(from, fromField);
  const end = wareki(to, toField);
  if (start === '' && end === '') return '';
  return format(stacked ? printMessages.periodStacked : printMessages.period, { from: start, to: end });
}

export function requireText(value: string | undefined, field: string): string {
  if (value === undefined || value.trim() === '') throw new PrintError('missingValue', { field }, field);
  return value;
}

export function requireChoice<T extends string>(value: string | undefined, allowed: readonly T[], field: string): T {
  if (value === undefined) throw new PrintError('missingValue', { field }, field);
  if (!(allowed as readonly string[]).includes(value)) throw new PrintError('invalidValue', { field, value }, field);
  return value as T;
}

/** The line atop the second and later pages: which form, whose, and of when. */
export function continuationHeaderBand(title: string, details: string, width: number, sizes: TypeSizes): Band {
  const half = width / 2;
  return {
    stacks: [
      {
        rows: [
          {
            cells: [
              { width: half, borderless: true, blocks: [text(`${title}${printMessages.continued}`, sizes.body + 2)] },
              { width: width - half, borderless: true, blocks: [text(details, sizes.body, undefined, 'right')] },
            ],
          },
        ],
      },
    ],
  };
}
