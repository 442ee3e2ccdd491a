// Draws laid-out pages with pdf-lib, in the font subset made for this document.
import fontkit from '@pdf-lib/fontkit';
import { grayscale, PDFDocument, type PDFFont } from 'pdf-lib';
import type { Measure } from './layout/lines';
import type { LaidOutPage } from './layout/model';

const black = grayscale(0);

/**
 * The PDF convention for a subset font's name: six capital letters and '+'. Derived from
 * the characters so the same document always gets the same name.
 */
export function subsetTag(codePoints: readonly number[]): string {
  let hash = 0x811c9dc5;
  for (const cp of codePoints) hash = Math.imul(hash ^ cp, 0x01000193) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (hash % 26));
    hash = Math.floor(hash / 26) + i * 7919;
  }
  return tag;
}

export interface PdfMetadata {
  title: string;
  subject: string;
  author?: string;
  creationDate: Date;
}

export interface PdfCanvas {
  doc: PDFDocument;
  font: PDFFont;
  /** Text widths in this font, memoised: wrapping measures the same pieces many times. */
  measure: Measure;
  /** Code points the embedded font has glyphs for. */
  characterSet: ReadonlySet<number>;
}

/** A new document with the subset font embedded whole (pdf-lib's own subsetting loses kanji). */
export async function openCanvas(fontBytes: Uint8Array, codePoints: readonly number[]): Promise<PdfCanvas> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes, { subset: false, customName: `${subsetTag(codePoints)}+NotoSansJP-Regular` });
  const widths = new Map<string, number>();
  const measure: Measure = (text, size) => {
    const key = `${size}\u0000${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      width = font.widthOfTextAtSize(text, size);
      widths.set(key, width);
    }
    return width;
  };
  return { doc, font, measure, characterSet: new Set(font.getCharacterSet()) };
}

export async function writePages(canvas: PdfCanvas, pages: readonly LaidOutPage[], metadata: PdfMetadata): Promise<Uint8Array> {
  const { doc, font } = canvas;
  for (const laidOut of pages) {
    const page = doc.addPage([laidOut.width, laidOut.height]);
    // Layout measures y down from the top; PDF measures it up from the bottom.
    const flip = (y: number) => laidOut.height - y;
    for (const op of laidOut.ops) {
      if (op.op === 'text') {
        page.drawText(op.text, { x: op.x, y: flip(op.baseline), size: op.size, font, color: black });
      } else if (op.op === 'rect') {
        page.drawRectangle({
          x: op.x,
          y: flip(op.y + op.height),
          width: op.width,
          height: op.height,
          color: op.fill === undefined ? undefined : grayscale(op.fill),
          borderColor: op.lineWidth ? black : undefined,
          borderWidth: op.lineWidth ?? 0,
        });
      } else {
        page.drawEllipse({ x: op.cx, y: flip(op.cy), xScale: op.rx, yScale: op.ry, borderColor: black, borderWidth: op.lineWidth });
      }
    }
  }
  doc.setTitle(metadata.title, { showInWindowTitleBar: true });
  doc.setSubject(metadata.subject);
  if (metadata.author) doc.setAuthor(metadata.author);
  doc.setCreator('Kizuna');
  doc.setProducer('Kizuna (pdf-lib, HarfBuzz)');
  doc.setLanguage('ja-JP');
  doc.setCreationDate(metadata.creationDate);
  doc.setModificationDate(metadata.creationDate);
  return doc.save();
}
