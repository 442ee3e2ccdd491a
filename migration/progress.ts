// Progress per file: a bar on a terminal, plain lines (at most one per tenth of a file)
// when the output goes to a log or a pipe, so a scheduled run's log stays readable.
import cliProgress from 'cli-progress';
import { format, migrationMessages } from '../shared/index';
import type { FileCounts } from './engine/state';

export interface Progress {
  startFile(label: string, totalChars: number): void;
  /** Files may be read side by side: each call names its file. */
  advance(label: string, consumedChars: number, rows: number): void;
  endFile(label: string, counts: FileCounts): void;
  note(message: string): void;
  stop(): void;
}

const p = migrationMessages.progress;

export function plainProgress(write: (line: string) => void): Progress {
  const files = new Map<string, { total: number; nextTenth: number }>();
  return {
    startFile(label, totalChars) {
      files.set(label, { total: Math.max(1, totalChars), nextTenth: 1 });
      write(`${format(p.file, { file: label, rows: 0 })} (0%)`);
    },
    advance(label, consumed, rows) {
      const file = files.get(label);
      if (!file) return;
      const tenth = Math.floor((consumed / file.total) * 10);
      if (tenth < file.nextTenth || tenth >= 10) return;
      file.nextTenth = tenth + 1;
      write(`${format(p.file, { file: label, rows })} (${tenth * 10}%)`);
    },
    endFile(name, counts) {
      files.delete(name);
      // Rows are written after they are read: what is final when a file is read is which rows passed.
      write(format(p.fileDone, { file: name, read: counts.read, accepted: counts.read - counts.rejected, rejected: counts.rejected, blank: counts.blank }));
    },
    note: write,
    stop() {},
  };
}

export function barProgress(stream: NodeJS.WriteStream): Progress {
  const multi = new cliProgress.MultiBar(
    {
      stream,
      format: p.bar,
      hideCursor: true,
      clearOnComplete: false,
      barsize: 30,
    },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<string, cliProgress.SingleBar>();
  return {
    startFile(label, totalChars) {
      bars.set(label, multi.create(Math.max(1, totalChars), 0, { file: label, rows: 0 }));
    },
    advance(label, consumed, rows) {
      bars.get(label)?.update(consumed, { rows });
    },
    endFile(label, counts) {
      const bar = bars.get(label);
      bars.delete(label);
      bar?.update(bar.getTotal(), { rows: counts.read + counts.blank, file: format(p.barDone, { file: label, accepted: counts.read - counts.rejected, rejected: counts.rejected }) });
      bar?.stop();
    },
    note(message) {
      multi.log(`${message}\n`);
    },
    stop() {
      multi.stop();
    },
  };
}

export const silentProgress: Progress = { startFile() {}, advance() {}, endFile() {}, note() {}, stop() {} };
