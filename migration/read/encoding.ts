// The legacy export comes as CP932 (Shift_JIS with the NEC and IBM extensions) in most
// files and as UTF-8 with a BOM in some, decided per file by whoever ran the export:
// each file is detected on its own, never assumed from its neighbours.
import iconv from 'iconv-lite';

export type ExportEncoding = 'utf-8-bom' | 'utf-8' | 'cp932';

const BOM = [0xef, 0xbb, 0xbf] as const;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function hasBom(bytes: Buffer | Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
}

/**
 * A BOM means UTF-8. Without one, bytes that decode as strict UTF-8 are UTF-8: CP932
 * text with any kana or kanji is never valid UTF-8 (its lead bytes 0x81–0x9F and
 * 0xE0–0xFC are followed by bytes UTF-8 forbids there), and pure ASCII reads the same
 * either way. Everything else is CP932.
 */
export function detectEncoding(bytes: Buffer | Uint8Array): ExportEncoding {
  if (hasBom(bytes)) return 'utf-8-bom';
  try {
    strictUtf8.decode(bytes);
    return 'utf-8';
  } catch {
    return 'cp932';
  }
}

// The same JIS characters have two Unicode spellings: the JIS mapping (WAVE DASH
// U+301C, DOUBLE VERTICAL LINE U+2016, MINUS SIGN U+2212, ¢ £ ¬) that Unix and Mac tools
// write into UTF-8, and the Microsoft mapping CP932 decodes to (～ U+FF5E, ∥ U+2225,
// － U+FF0D, ￠ ￡ ￢). Windows shows and prints the Microsoft ones, and only those
// encode back to CP932, so every file is read into them: the same export gives the
// same text whichever encoding each file came in.
const JIS_TO_MICROSOFT: ReadonlyMap<string, string> = new Map([
  ['\u301C', '\uFF5E'],
  ['\u2016', '\u2225'],
  ['\u2212', '\uFF0D'],
  ['\u00A2', '\uFFE0'],
  ['\u00A3', '\uFFE1'],
  ['\u00AC', '\uFFE2'],
]);
const JIS_SPELLINGS = /[\u301C\u2016\u2212\u00A2\u00A3\u00AC]/g;

export function toMicrosoftSpelling(text: string): string {
  return text.replace(JIS_SPELLINGS, (ch) => JIS_TO_MICROSOFT.get(ch) ?? ch);
}

export interface DecodedFile {
  text: string;
  encoding: ExportEncoding;
}

/** Decodes one export file (without its BOM) in the encoding detected for it. */
export function decodeExportFile(bytes: Buffer | Uint8Array): DecodedFile {
  const encoding = detectEncoding(bytes);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text =
    encoding === 'cp932' ? iconv.decode(buffer, 'cp932') : buffer.toString('utf8', encoding === 'utf-8-bom' ? BOM.length : 0);
  return { text: toMicrosoftSpelling(text), encoding };
}

export class UnencodableTextError extends Error {
  constructor(readonly character: string) {
    super(`${JSON.stringify(character)} (U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase()}) has no CP932 code`);
    this.name = 'UnencodableTextError';
  }
}

/**
 * Encodes text as the legacy system writes it. iconv-lite silently writes `?` for a
 * character CP932 lacks; a fixture must never lose a character that way, so this
 * throws instead.
 */
export function encodeCp932(text: string): Buffer {
  const spelled = toMicrosoftSpelling(text);
  const bytes = iconv.encode(spelled, 'cp932');
  const back = iconv.decode(bytes, 'cp932');
  if (back !== spelled) {
    const chars = [...spelled];
    const backChars = [...back];
    const index = chars.findIndex((ch, i) => backChars[i] !== ch);
    throw new UnencodableTextError(chars[index] ?? '?');
  }
  return bytes;
}

export function encodeUtf8WithBom(text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  const out = Buffer.alloc(BOM.length + body.length);
  out.set(BOM, 0);
  body.copy(out, BOM.length);
  return out;
}
