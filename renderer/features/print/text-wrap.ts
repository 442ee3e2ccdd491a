// The root tsconfig reaches this file only through imports, and only a reference brings the declaration with it.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./linebreak.d.ts" />
import LineBreaker from 'linebreak';

/** Width in points of `text` at the size the caller has in mind. */
export type MeasureText = (text: string) => number;

/**
 * Printable text: CR LF and lone CR become LF, tabs become a space and other control
 * characters go, because the PDF font has no glyph for them and they carry no meaning
 * on paper. Everything else, including ideographic spaces, is kept as typed.
 */
export function normalizePrintText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
}

/** Combining marks, joiners and variation selectors belong to the character before them. */
function attachesToPrevious(char: string): boolean {
  const cp = char.codePointAt(0) ?? 0;
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    cp === 0x200c ||
    cp === 0x200d ||
    cp === 0x3099 ||
    cp === 0x309a ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

/** Code points grouped so that a forced break never separates a base character from its selector. */
function clusters(text: string): string[] {
  const out: string[] = [];
  for (const char of text) {
    if (out.length > 0 && attachesToPrevious(char)) out[out.length - 1] += char;
    else out.push(char);
  }
  return out;
}

/** Breaks a piece wider than the line (a long number, a URL) between characters. */
function forceBreak(piece: string, maxWidth: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line = '';
  for (const cluster of clusters(piece)) {
    if (line !== '' && measure(line + cluster) > maxWidth) {
      lines.push(line);
      line = cluster;
    } else {
      line += cluster;
    }
  }
  lines.push(line);
  return lines;
}

function wrapParagraph(paragraph: string, maxWidth: number, measure: MeasureText): string[] {
  if (paragraph === '') return [''];
  const pieces: string[] = [];
  const breaker = new LineBreaker(paragraph);
  let start = 0;
  for (let found = breaker.nextBreak(); found; found = breaker.nextBreak()) {
    pieces.push(paragraph.slice(start, found.position));
    start = found.position;
  }
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const piece of pieces) {
    // Spaces at a line's end take no room: they may hang past the cell's edge.
    const pieceWidth = measure(piece.trimEnd());
    if (line !== '' && lineWidth + pieceWidth <= maxWidth) {
      line += piece;
      lineWidth += measure(piece);
      continue;
    }
    if (line !== '') lines.push(line.trimEnd());
    if (pieceWidth <= maxWidth) {
      line = piece;
      lineWidth = measure(piece);
    } else {
      const broken = forceBreak(piece.trimEnd(), maxWidth, measure);
      lines.push(...broken.slice(0, -1));
      line = broken[broken.length - 1] ?? '';
      lineWidth = measure(line);
    }
  }
  lines.push(line.trimEnd());
  return lines;
}

/**
 * Lines of `text` no wider than maxWidth, breaking where Unicode line breaking allows
 * (so 、。」 and small kana never start a line, and Latin words stay whole unless a
 * single word is wider than the line). The text's own line breaks are kept, blank lines
 * included, and no character is dropped except trailing spaces at a break.
 */
export function wrapText(text: string, maxWidth: number, measure: MeasureText): string[] {
  return normalizePrintText(text)
    .split('\n')
    .flatMap((paragraph) => wrapParagraph(paragraph, maxWidth, measure));
}
