import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeExportFile, detectEncoding, encodeCp932, encodeUtf8WithBom, UnencodableTextError } from '../../../migration/read/encoding';

// Invented text with the characters the legacy export carries: NEC special characters
// (①, ㈱), IBM extension kanji (髙, 﨑) and the wave dash.
const text = '髙﨑 花子,㈱ひかり野ケア,コーポ①101,10時～11時';

describe('reading a legacy file in the encoding it came in', () => {
  it('round-trips ①, ㈱, 髙, 﨑 and ～ through CP932', () => {
    const bytes = encodeCp932(text);
    expect(detectEncoding(bytes)).toBe('cp932');
    expect(decodeExportFile(bytes)).toEqual({ text, encoding: 'cp932' });
  });

  it('reads the same characters from the NEC and IBM code points the old system writes', () => {
    // 0x8740 ①, 0x878A ㈱, 0xFBFC 髙 (IBM), 0xED95 﨑 (NEC-selected IBM), 0x8160 ～.
    const bytes = Buffer.from('8740878afbfced958160', 'hex');
    expect(decodeExportFile(bytes).text).toBe('①㈱髙﨑～');
  });

  it('detects UTF-8 with and without a BOM, and drops the BOM', () => {
    expect(decodeExportFile(encodeUtf8WithBom(text))).toEqual({ text, encoding: 'utf-8-bom' });
    expect(decodeExportFile(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
  });

  it('reads the JIS wave dash of a UTF-8 file as the CP932 one, so both exports give the same text', () => {
    const mac = Buffer.from('10時\u301C11時 \u2212 \u2016', 'utf8');
    expect(decodeExportFile(mac).text).toBe('10時\uFF5E11時 \uFF0D \u2225');
    expect(decodeExportFile(encodeCp932('10時\u301C11時')).text).toBe('10時\uFF5E11時');
  });

  it('refuses to write a character CP932 lacks instead of writing ?', () => {
    expect(() => encodeCp932('花子😀')).toThrow(UnencodableTextError);
    // iconv-lite alone would have lost it silently:
    expect(iconv.decode(iconv.encode('😀', 'cp932'), 'cp932')).toBe('?');
  });
});
