// The reject list IT works through: one line per problem (a row with three problems has
// three lines), in UTF-8 with a BOM and CRLF so that Excel opens it with the Japanese
// intact. Written as the run goes, so a run stopped halfway still leaves what it found.
import { closeSync, openSync, writeSync } from 'node:fs';
import Papa from 'papaparse';
import { migrationMessages } from '../../shared/index';
import type { Problem } from './state';

export class RejectLog {
  private readonly fd: number | undefined;
  lines = 0;
  rows = 0;

  constructor(readonly path: string | undefined) {
    if (path === undefined) return;
    this.fd = openSync(path, 'w');
    const h = migrationMessages.rejectCsv;
    writeSync(this.fd, '\uFEFF' + this.format([[h.file, h.row, h.column, h.value, h.reason, h.key]]));
  }

  private format(rows: string[][]): string {
    return Papa.unparse(rows, { newline: '\r\n', quotes: true }) + '\r\n';
  }

  add(file: string, row: number, key: string, problems: readonly Problem[]): void {
    this.rows++;
    this.lines += problems.length;
    if (this.fd === undefined) return;
    writeSync(this.fd, this.format(problems.map((p) => [file, String(row), p.column, p.value, p.message, key])));
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
  }
}
