import { describe, expect, it } from 'vitest';
import { csvChunks, isBlankRecord, type CsvRecord } from '../../../migration/read/csv';

async function records(text: string, chunkSize?: number): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const chunk of csvChunks(text, chunkSize)) out.push(...chunk.records);
  return out;
}

describe('reading CSV records with the row numbers Excel shows', () => {
  const file = [
    '相談番号,相談内容,対応者',
    '00000001,"本人より電話。膝が痛い, 階段がつらい","保健 太郎"',
    '00000002,"長女より「""母が同じことを聞く""」と相談",福祉 花子',
    '',
    ',,',
    '00000003,"一行目\r\n二行目",看護 一美  ',
  ].join('\r\n') + '\r\n';

  it('keeps commas, doubled quotes and line breaks inside quoted fields', async () => {
    const rows = await records(file);
    expect(rows[1]?.cells).toEqual(['00000001', '本人より電話。膝が痛い, 階段がつらい', '保健 太郎']);
    expect(rows[2]?.cells[1]).toBe('長女より「"母が同じことを聞く"」と相談');
    expect(rows[5]?.cells[1]).toBe('一行目\r\n二行目');
  });

  it('numbers rows as Excel does: a multi-line field is one row, blank lines count, the final line break does not', async () => {
    for (const chunkSize of [7, 1 << 20]) {
      const rows = await records(file, chunkSize);
      expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(rows.map((r) => isBlankRecord(r.cells))).toEqual([false, false, false, true, true, false]);
    }
  });

  it('reads a file without a final line break and one saved with LF only', async () => {
    expect((await records('a,b\r\n1,2')).map((r) => r.cells)).toEqual([['a', 'b'], ['1', '2']]);
    expect((await records('a,b\n1,"x\ny"\n')).map((r) => r.cells)).toEqual([['a', 'b'], ['1', 'x\ny']]);
  });
});
