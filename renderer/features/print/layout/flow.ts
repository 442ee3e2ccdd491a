// Pours the bands of a form onto pages. Stacks of a band flow side by side; a row that
// does not fit is split between its lines and continues on the next page, below the
// band's column headings again. Text is never cut: every line lands on some page.
import { baselineOffset, choicePadding, layoutBlocks, type Line, type Measure } from './lines';
import type { Band, Cell, DrawOp, FormDocument, LaidOutPage } from './model';

export const cellPadding = { x: 3, y: 2.5 };
const ruleWidth = 0.5;
const frameWidth = 1;
const labelShade = 0.9;
const defaultGap = 6;
const epsilon = 0.01;

interface PreparedCell {
  width: number;
  lines: Line[];
  shade: boolean;
  borderless: boolean;
  valign: 'top' | 'middle';
}

interface PreparedRow {
  cells: PreparedCell[];
  minHeight: number;
}

interface PreparedBand {
  header?: PreparedBand;
  stacks: { rows: PreparedRow[]; width: number }[];
  keepTogether: boolean;
  growToFill: boolean;
  gapBefore: number;
  framed: boolean;
}

function prepareCell(cell: Cell, measure: Measure): PreparedCell {
  return {
    width: cell.width,
    lines: layoutBlocks(cell.blocks, cell.width - 2 * cellPadding.x, measure),
    shade: cell.shade ?? false,
    borderless: cell.borderless ?? false,
    valign: cell.valign ?? 'top',
  };
}

function prepareBand(band: Band, measure: Measure): PreparedBand {
  const stacks = band.stacks.map((stack) => {
    const rows = stack.rows.map((row) => ({ cells: row.cells.map((cell) => prepareCell(cell, measure)), minHeight: row.minHeight ?? 0 }));
    const width = stack.rows[0]?.cells.reduce((sum, cell) => sum + cell.width, 0) ?? 0;
    return { rows, width };
  });
  return {
    header: band.header && prepareBand(band.header, measure),
    stacks,
    keepTogether: band.keepTogether ?? false,
    growToFill: band.growToFill ?? false,
    gapBefore: band.gapBefore ?? defaultGap,
    framed: band.stacks.some((s) => s.rows.some((r) => r.cells.some((c) => !c.borderless))),
  };
}

function linesHeight(lines: readonly Line[]): number {
  return lines.reduce((sum, line) => sum + line.height, 0);
}

function cellHeight(cell: PreparedCell): number {
  return cell.lines.length === 0 ? 0 : linesHeight(cell.lines) + 2 * cellPadding.y;
}

function rowHeight(row: PreparedRow): number {
  return Math.max(row.minHeight, ...row.cells.map(cellHeight));
}

function stackHeight(rows: readonly PreparedRow[]): number {
  return rows.reduce((sum, row) => sum + rowHeight(row), 0);
}

function bandWidth(band: PreparedBand): number {
  return band.stacks.reduce((sum, stack) => sum + stack.width, 0);
}

function naturalHeight(band: PreparedBand): number {
  return (band.header ? naturalHeight(band.header) : 0) + Math.max(0, ...band.stacks.map((s) => stackHeight(s.rows)));
}

/** The least room a band needs to start on a page: its headings and one line of each stack's next row. */
function startHeight(band: PreparedBand, queues: readonly PreparedRow[][]): number {
  const firstLines = queues.map((queue) => {
    const row = queue[0];
    if (!row) return 0;
    const first = Math.max(0, ...row.cells.map((cell) => (cell.lines[0] ? cell.lines[0].height + 2 * cellPadding.y : 0)));
    return first > 0 ? first : Math.min(row.minHeight, rowHeight(row));
  });
  return (band.header ? naturalHeight(band.header) : 0) + Math.max(0, ...firstLines);
}

/** How many of the lines fit into `room`. */
function linesThatFit(lines: readonly Line[], room: number): number {
  let used = 0;
  let count = 0;
  for (const line of lines) {
    if (used + line.height > room + epsilon) break;
    used += line.height;
    count++;
  }
  return count;
}

interface PlacedRow {
  row: PreparedRow;
  height: number;
  /** The row continues on the next page: its text starts at the top, not centred. */
  split: boolean;
}

/** Takes rows off `queue` into `avail` points of height; the rest stay queued. */
function takeRows(queue: PreparedRow[], avail: number): { placed: PlacedRow[]; used: number } {
  const placed: PlacedRow[] = [];
  let used = 0;
  while (queue.length > 0) {
    const row = queue[0] as PreparedRow;
    const height = rowHeight(row);
    if (used + height <= avail + epsilon) {
      placed.push({ row, height, split: false });
      used += height;
      queue.shift();
      continue;
    }
    const room = avail - used - 2 * cellPadding.y;
    const counts = row.cells.map((cell) => linesThatFit(cell.lines, room));
    if (row.cells.every((cell) => cell.lines.length === 0)) {
      // Only its room for handwriting is too tall: give it what is left.
      placed.push({ row, height: avail - used, split: false });
      used = avail;
      queue.shift();
    } else if (counts.some((count) => count > 0)) {
      const cut = (keepHead: boolean): PreparedRow => ({
        minHeight: 0,
        cells: row.cells.map((cell, i) => ({ ...cell, lines: keepHead ? cell.lines.slice(0, counts[i]) : cell.lines.slice(counts[i]) })),
      });
      placed.push({ row: cut(true), height: avail - used, split: true });
      used = avail;
      queue[0] = cut(false);
    }
    break;
  }
  return { placed, used };
}

function cellOps(cell: PreparedCell, x: number, y: number, height: number, centred: boolean): DrawOp[] {
  const ops: DrawOp[] = [];
  if (!cell.borderless || cell.shade) {
    ops.push({ op: 'rect', x, y, width: cell.width, height, fill: cell.shade ? labelShade : undefined, lineWidth: cell.borderless ? 0 : ruleWidth });
  }
  const inner = cell.width - 2 * cellPadding.x;
  let top = y + cellPadding.y;
  if (centred && cell.valign === 'middle') top = y + (height - linesHeight(cell.lines)) / 2;
  for (const line of cell.lines) {
    const offset = line.align === 'center' ? (inner - line.width) / 2 : line.align === 'right' ? inner - line.width : 0;
    let left = x + cellPadding.x + Math.max(0, offset);
    const baseline = top + baselineOffset(line.size);
    if (line.kind === 'text') {
      ops.push({ op: 'text', x: left, baseline, size: line.size, text: line.text });
    } else {
      const pad = choicePadding(line.size);
      line.items.forEach((item, i) => {
        if (i > 0) {
          ops.push({ op: 'text', x: left, baseline, size: line.size, text: line.separator.text });
          left += line.separator.width;
        }
        ops.push({ op: 'text', x: left + pad, baseline, size: line.size, text: item.label });
        if (item.chosen) {
          ops.push({ op: 'ellipse', cx: left + pad + item.width / 2, cy: top + line.height / 2, rx: item.width / 2 + pad * 0.9, ry: line.height / 2, lineWidth: 0.7 });
        }
        left += item.width + 2 * pad;
      });
    }
    top += line.height;
  }
  return ops;
}

/** Draws placed rows, the last one stretched to the band's height so all stacks end level. */
function stackOps(placed: readonly PlacedRow[], filler: PreparedRow | undefined, x: number, y: number, height: number): DrawOp[] {
  const rows = placed.length > 0 ? placed : filler ? [{ row: { ...filler, cells: filler.cells.map((c) => ({ ...c, lines: [] })) }, height, split: false }] : [];
  const ops: DrawOp[] = [];
  let top = y;
  rows.forEach((entry, index) => {
    const rowHeightHere = index === rows.length - 1 ? y + height - top : entry.height;
    let left = x;
    for (const cell of entry.row.cells) {
      ops.push(...cellOps(cell, left, top, rowHeightHere, !entry.split));
      left += cell.width;
    }
    top += rowHeightHere;
  });
  return ops;
}

interface BandPart {
  ops: DrawOp[];
  height: number;
  done: boolean;
  /** Some row, or part of one, was placed. */
  progressed: boolean;
}

class BandFlow {
  private readonly queues: PreparedRow[][];
  private readonly lastRows: (PreparedRow | undefined)[];

  constructor(readonly band: PreparedBand) {
    this.queues = band.stacks.map((stack) => [...stack.rows]);
    this.lastRows = band.stacks.map((stack) => stack.rows[stack.rows.length - 1]);
  }

  get remainingHeight(): number {
    return (this.band.header ? naturalHeight(this.band.header) : 0) + Math.max(0, ...this.queues.map(stackHeight));
  }

  get startHeight(): number {
    return startHeight(this.band, this.queues);
  }

  /**
   * Places as much as fits into `avail` at (x, y). `grow` is how tall the part should be
   * when the band ends here (at least its content), or undefined to end at its content.
   */
  place(x: number, y: number, avail: number, grow: (contentHeight: number) => number): BandPart {
    const header = this.band.header ? fixedBandOps(this.band.header, x, y) : { ops: [], height: 0 };
    const bodyAvail = avail - header.height;
    const taken = this.queues.map((queue) => takeRows(queue, bodyAvail));
    const done = this.queues.every((queue) => queue.length === 0);
    const content = Math.max(0, ...taken.map((t) => t.used));
    const bodyHeight = done ? Math.min(bodyAvail, Math.max(content, grow(content))) : bodyAvail;
    const ops = [...header.ops];
    let left = x;
    this.band.stacks.forEach((stack, i) => {
      ops.push(...stackOps(taken[i]?.placed ?? [], this.lastRows[i], left, y + header.height, bodyHeight));
      left += stack.width;
    });
    if (this.band.framed) ops.push({ op: 'rect', x, y, width: bandWidth(this.band), height: header.height + bodyHeight, lineWidth: frameWidth });
    return { ops, height: header.height + bodyHeight, done, progressed: taken.some((t) => t.placed.length > 0) };
  }
}

/** A band drawn whole, as tall as its content (headings, the continuation header). */
function fixedBandOps(band: PreparedBand, x: number, y: number): { ops: DrawOp[]; height: number } {
  const part = new BandFlow(band).place(x, y, Number.POSITIVE_INFINITY, (content) => content);
  return { ops: part.ops, height: part.height };
}

function footerOps(form: FormDocument, page: number, pages: number, measure: Measure): DrawOp {
  const text = form.footer.template.replace('{page}', String(page)).replace('{pages}', String(pages));
  const width = measure(text, form.footer.size);
  return { op: 'text', x: (form.pageSize.width - width) / 2, baseline: form.pageSize.height - form.margin / 2, size: form.footer.size, text };
}

/** Lays a form out on as many pages as its content needs. */
export function layoutForm(form: FormDocument, measure: Measure): LaidOutPage[] {
  const { width, height } = form.pageSize;
  const top = form.margin;
  const bottom = height - form.margin;
  const pages: DrawOp[][] = [];
  const continuation = form.continuationHeader && prepareBand(form.continuationHeader, measure);
  let ops: DrawOp[] = [];
  let y = top;
  let fresh = true;
  let contentTop = top;

  const newPage = (): void => {
    ops = [];
    pages.push(ops);
    y = top;
    if (pages.length > 1 && continuation) {
      const header = fixedBandOps(continuation, form.margin, y);
      ops.push(...header.ops);
      y += header.height + continuation.gapBefore;
    }
    contentTop = y;
    fresh = true;
  };
  newPage();

  const flows = form.bands.map((band) => new BandFlow(prepareBand(band, measure)));
  flows.forEach((flow, index) => {
    let first = true;
    for (;;) {
      const gap = y > contentTop && first ? flow.band.gapBefore : 0;
      const avail = bottom - y - gap;
      const fullPage = bottom - contentTop;
      const wontFit = flow.startHeight > avail || (flow.band.keepTogether && first && flow.remainingHeight > avail && flow.remainingHeight <= fullPage);
      if (wontFit && !fresh) {
        newPage();
        continue;
      }
      const following = flows.slice(index + 1).reduce((sum, next) => sum + next.band.gapBefore + next.remainingHeight, 0);
      const grow = (content: number): number => {
        if (!flow.band.growToFill) return content;
        const header = flow.band.header ? naturalHeight(flow.band.header) : 0;
        const room = avail - header;
        return content + following <= room ? room - following : room;
      };
      const wasFresh = fresh;
      const part = flow.place(form.margin, y + gap, avail, grow);
      ops.push(...part.ops);
      y += gap + part.height;
      fresh = false;
      first = false;
      if (part.done) break;
      // A line taller than a whole page would otherwise send the flow round forever.
      if (!part.progressed && wasFresh) throw new RangeError('a line of the form is taller than the page');
      newPage();
    }
  });

  return pages.map((pageOps, i) => ({ width, height, ops: [...pageOps, footerOps(form, i + 1, pages.length, measure)] }));
}
