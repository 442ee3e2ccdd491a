// What a person holding the printout would check, done with Debian's poppler-utils:
// the text on the pages, whether a page has ink, the paper size; and the font the PDF
// carries, read back with pdf-lib and fontkit.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fontkit from '@pdf-lib/fontkit';
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';

const run = promisify(execFile);

async function withPdfFile<T>(bytes: Uint8Array, use: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'kizuna-pdf-'));
  try {
    const file = join(dir, 'form.pdf');
    await writeFile(file, bytes);
    return await use(file, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text in content-stream order (`-raw`), so a cell's lines stay together. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  return withPdfFile(bytes, async (file) => (await run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 << 20 })).stdout);
}

export interface PageInfo {
  widthPt: number;
  heightPt: number;
}

export async function pdfPages(bytes: Uint8Array): Promise<PageInfo[]> {
  return withPdfFile(bytes, async (file) => {
    const { stdout } = await run('pdfinfo', ['-f', '1', '-l', '9999', file]);
    return [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ widthPt: Number(m[1]), heightPt: Number(m[2]) }));
  });
}

export interface Raster {
  width: number;
  height: number;
  /** Share of pixels darker than light grey. */
  inkRatio: number;
  png: Uint8Array;
}

/** Renders one page at 50 dpi, as PNG (to look at) and as greyscale (to count ink). */
export async function renderPage(bytes: Uint8Array, page: number): Promise<Raster> {
  return withPdfFile(bytes, async (file, dir) => {
    const common = ['-r', '50', '-f', String(page), '-l', String(page), '-singlefile'];
    await run('pdftoppm', [...common, '-png', file, join(dir, 'page')]);
    await run('pdftoppm', [...common, '-gray', file, join(dir, 'page')]);
    const pgm = await readFile(join(dir, 'page.pgm'));
    // Binary PGM: "P5", width, height, maxval, one whitespace, then one byte per pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
    if (!header) throw new Error('pdftoppm did not write a binary PGM');
    const width = Number(header[1]);
    const height = Number(header[2]);
    const pixels = pgm.subarray(header[0].length, header[0].length + width * height);
    let ink = 0;
    for (const value of pixels) if (value < 200) ink++;
    return { width, height, inkRatio: ink / (width * height), png: new Uint8Array(await readFile(join(dir, 'page.png'))) };
  });
}

export interface EmbeddedFont {
  baseFont: string;
  /** The font program as embedded (TrueType), parsed. */
  font: ReturnType<typeof fontkit.create>;
  programBytes: number;
}

/** The fonts a PDF embeds (FontFile2 streams), with their names. */
export async function embeddedFonts(bytes: Uint8Array): Promise<EmbeddedFont[]> {
  const doc = await PDFDocument.load(bytes);
  const fonts: EmbeddedFont[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
    const ref = object.get(PDFName.of('FontFile2'));
    const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : undefined;
    if (!(stream instanceof PDFRawStream)) continue;
    const program = decodePDFRawStream(stream).decode();
    fonts.push({ baseFont: String(object.get(PDFName.of('FontName'))), font: fontkit.create(program), programBytes: program.length });
  }
  return fonts;
}

/** Text compared as a reader sees it: line wrapping and spacing do not count. */
export function squeeze(text: string): string {
  return text.replace(/\s+/gu, '');
}

/**
 * Whether `needle` appears in `haystack` in order, allowing it to be cut into at most
 * `maxPieces` runs with other text between them (a cell that continues on the next
 * page comes back after that page's headings). Each run but the last is at least
 * `minPiece` characters, so scattered single characters never count as a match.
 */
export function appearsInOrder(haystack: string, needle: string, maxPieces = 3, minPiece = 6): boolean {
  const text = squeeze(haystack);
  let rest = squeeze(needle);
  let from = 0;
  for (let pieces = 0; pieces < maxPieces; pieces++) {
    if (rest === '') return true;
    if (text.indexOf(rest, from) >= 0) return true;
    // Longest prefix of rest found at or after `from` (if a prefix is found, so is every shorter one).
    let low = 0;
    let high = rest.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (text.indexOf(rest.slice(0, mid), from) >= 0) low = mid;
      else high = mid - 1;
    }
    if (low < minPiece) return false;
    from = text.indexOf(rest.slice(0, low), from) + low;
    rest = rest.slice(low);
  }
  return rest === '';
}
