// What a run keeps about each file while it reads it, and the units it hands to the
// writer: a document with the legacy rows it holds and the files it names.
import type { ExportEncoding } from '../read/encoding';
import type { CompiledMapping } from './compile';
import type { ImportUnit } from '../../server/migration/store';
import type { FilePayload } from '../../server/files/store';
import type { RejectKind } from '../mapping/convert';

export interface FileCounts {
  /** Data rows: not the header, not blank rows. */
  read: number;
  blank: number;
  imported: number;
  rejected: number;
  /** Rows whose part of the target did not exist / differed / was the same before this run. */
  added: number;
  updated: number;
  unchanged: number;
  /** Rows whose part of the target, read back, hashes as the row's mapped values. */
  verified: number;
  mismatched: number;
  /** Imported rows per center of the document they landed in (`masters` for code masters). */
  byCenter: Record<string, number>;
}

export const emptyCounts = (): FileCounts => ({
  read: 0,
  blank: 0,
  imported: 0,
  rejected: 0,
  added: 0,
  updated: 0,
  unchanged: 0,
  verified: 0,
  mismatched: 0,
  byCenter: {},
});

export interface FileState {
  compiled: CompiledMapping;
  /** The file's name in the export folder. */
  name: string;
  path: string;
  encoding?: ExportEncoding;
  counts: FileCounts;
  /** Key → the row that first had it. */
  firstRowOfKey: Map<string, number>;
}

/** One legacy row inside a unit: where it came from and the hash of its mapped values. */
export interface RowRef {
  state: FileState;
  row: number;
  key: string;
  hash: string;
}

export interface Problem {
  column: string;
  value: string;
  kind: RejectKind;
  message: string;
}

export interface PendingUnit {
  unit: ImportUnit;
  rows: RowRef[];
  files: FilePayload[];
}
