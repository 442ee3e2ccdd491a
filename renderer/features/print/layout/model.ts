// The description of a printed form: bands of ruled cells stacked down the page. A form
// builder (forms/) says what goes where; the flow (flow.ts) decides where pages break.
// All lengths are PDF points (1/72 inch), y grows downwards from the page's top edge.

export type Align = 'left' | 'center' | 'right';

/** Free text: wrapped to the cell, line breaks kept. */
export interface TextBlock {
  kind: 'text';
  text: string;
  size: number;
  align?: Align;
  /** The Japanese name of the field the text came from, for error messages. */
  field?: string;
}

/** Choices printed side by side, the chosen ones circled the way a pen would on the paper form. */
export interface ChoiceBlock {
  kind: 'choices';
  choices: readonly { label: string; chosen: boolean }[];
  size: number;
  align?: Align;
}

export type Block = TextBlock | ChoiceBlock;

export interface Cell {
  width: number;
  blocks: Block[];
  /** Label cells are tinted, as on the printed forms. */
  shade?: boolean;
  /** Drawn without its ruling (titles). */
  borderless?: boolean;
  valign?: 'top' | 'middle';
}

export interface Row {
  /** Cells left to right; their widths add up to the stack's width. */
  cells: Cell[];
  /** Room left for handwriting when a cell is empty. */
  minHeight?: number;
}

/** A column of rows; the stacks of a band stand side by side and flow independently. */
export interface Stack {
  rows: Row[];
}

export interface Band {
  stacks: Stack[];
  /** Column headings, drawn above the band on every page it reaches. */
  header?: Band;
  /** Moves to the next page whole rather than splitting (unless it is taller than a page). */
  keepTogether?: boolean;
  /** Stretches down so the bands after it end at the bottom of the page, as on the paper form. */
  growToFill?: boolean;
  /** Space above the band; 0 joins it to the band before into one ruled table. */
  gapBefore?: number;
}

export interface FormDocument {
  /** Width and height of a page in points. */
  pageSize: { width: number; height: number };
  margin: number;
  bands: Band[];
  /** Printed at the top of the second and later pages, so a loose page can be matched to its form. */
  continuationHeader?: Band;
  /** Footer with `{page}` and `{pages}` placeholders. */
  footer: { template: string; size: number };
}

export type DrawOp =
  | { op: 'text'; x: number; baseline: number; size: number; text: string }
  | { op: 'rect'; x: number; y: number; width: number; height: number; fill?: number; lineWidth?: number }
  | { op: 'ellipse'; cx: number; cy: number; rx: number; ry: number; lineWidth: number };

export interface LaidOutPage {
  width: number;
  height: number;
  ops: DrawOp[];
}

/** Every block of a form, column headings and the continuation header included. */
export function* formBlocks(form: FormDocument): Generator<Block> {
  const bands = form.continuationHeader ? [...form.bands, form.continuationHeader] : form.bands;
  for (const band of bands) {
    for (const part of band.header ? [band.header, band] : [band]) {
      for (const stack of part.stacks) for (const row of stack.rows) for (const cell of row.cells) yield* cell.blocks;
    }
  }
}

/** Every string a form prints, so the font can be subset to exactly these characters. */
export function formText(form: FormDocument): string[] {
  const out: string[] = [form.footer.template, '0123456789'];
  for (const block of formBlocks(form)) {
    if (block.kind === 'text') out.push(block.text);
    else out.push(...block.choices.map((c) => c.label));
  }
  return out;
}
