// CSV records out of a decoded export file, with the row numbers a person sees when the
// file is opened in Excel: the header is row 1, a quoted field with line breaks is one
// row, a blank line is a row too. Parsed in chunks so that a 100 MB file is mapped and
// written while the rest is still being read, never held as a whole array of rows.
import Papa from 'papaparse';

export interface CsvRecord {
  /** Excel row number: the header is 1. */
  row: number;
  cells: string[];
}

export interface CsvChunk {
  records: CsvRecord[];
  /** Characters of the text consumed so far (for progress). */
  consumed: number;
}

/** A row whose every cell is empty or white space, as Excel writes `,,,,` for a blank line. */
export function isBlankRecord(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

/** The export's line break: CRLF as FORMAT.md says, but a file re-saved on Unix still reads. */
function lineBreakOf(text: string): '\r\n' | '\n' | '\r' {
  const lf = text.indexOf('\n');
  if (lf === -1) return text.includes('\r') ? '\r' : '\r\n';
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

const DEFAULT_CHUNK = 2 * 1024 * 1024;

/**
 * Every record of `text` in file order, header included (row 1). A line break after
 * the last record ends it; it does not start a blank row.
 */
export async function* csvChunks(text: string, chunkSize = DEFAULT_CHUNK): AsyncGenerator<CsvChunk> {
  const queue: Array<Papa.ParseResult<string[]>> = [];
  let parser: Papa.Parser | undefined;
  let finished = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const endsWithNewline = text.endsWith('\n') || text.endsWith('\r');

  Papa.parse<string[]>(text, {
    chunkSize,
    // Told, not guessed: papaparse guesses from the first chunk, which a quoted line
    // break can mislead.
    newline: lineBreakOf(text),
    skipEmptyLines: false,
    chunk: (results: Papa.ParseResult<string[]>, p: Papa.Parser) => {
      parser = p;
      p.pause();
      queue.push(results);
      wake?.();
    },
    complete: () => {
      finished = true;
      wake?.();
    },
    error: (error: Error) => {
      failure = error;
      finished = true;
      wake?.();
    },
  });

  let row = 0;
  let pendingBlank: CsvRecord | undefined;
  try {
    for (;;) {
      const results = queue.shift();
      if (results) {
        const records: CsvRecord[] = [];
        // A record that is a lone empty field may be the artefact of the final line
        // break: hold it back until we know whether anything follows.
        if (pendingBlank) records.push(pendingBlank);
        pendingBlank = undefined;
        for (const cells of results.data) {
          row++;
          records.push({ row, cells });
        }
        const last = records[records.length - 1];
        if (last && last.cells.length === 1 && last.cells[0] === '') pendingBlank = records.pop();
        yield { records, consumed: results.meta.cursor };
        parser?.resume();
        continue;
      }
      if (failure) throw failure;
      if (finished) break;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
    if (pendingBlank && !endsWithNewline) yield { records: [pendingBlank], consumed: text.length };
  } finally {
    if (!finished) parser?.abort();
  }
}
