// The reconciliation report: per file, rows read = imported + rejected, and how many
// imported rows were read back from the target with the same content hash; per
// collection and center, what the run added, updated, left alone and moved.
import { format, migrationMessages } from '../../shared/index';
import type { ExportEncoding } from '../read/encoding';
import type { FileCounts, FileState } from './state';

export interface FileReport extends FileCounts {
  file: string;
  title: string;
  encoding: ExportEncoding | null;
  /** read === imported + rejected */
  balanced: boolean;
}

export interface DocumentCounts {
  collection: string;
  centerId: string;
  added: number;
  updated: number;
  unchanged: number;
  moved: number;
  failed: number;
}

export interface Mismatch {
  file: string;
  row: number;
  id: string;
}

export interface MigrationReport {
  export: string;
  mode: 'data' | 'server' | 'dryRun';
  target: string | null;
  startedAt: string;
  finishedAt: string;
  seconds: number;
  files: FileReport[];
  documents: DocumentCounts[];
  centers: Array<{ centerId: string; rows: number; documents: number }>;
  totals: Omit<FileCounts, 'byCenter'>;
  /** Every file balanced and every imported row verified (null in a dry run: nothing to read back). */
  reconciled: boolean | null;
  rejectsFile: string | null;
  rejectedRows: number;
  rejectLines: number;
  /** The first mismatching rows, if any. */
  mismatches: Mismatch[];
}

export const countKeys = ['read', 'blank', 'imported', 'rejected', 'added', 'updated', 'unchanged', 'verified', 'mismatched'] as const;

export function fileReport(state: FileState): FileReport {
  const { counts, compiled } = state;
  return {
    file: compiled.label,
    title: compiled.mapping.title,
    encoding: state.encoding ?? null,
    ...counts,
    byCenter: { ...counts.byCenter },
    balanced: counts.read === counts.imported + counts.rejected,
  };
}

export class DocumentTally {
  private readonly rows = new Map<string, DocumentCounts>();

  count(collection: string, centerId: string, what: keyof Omit<DocumentCounts, 'collection' | 'centerId'>): void {
    const key = `${collection}\u0000${centerId}`;
    let row = this.rows.get(key);
    if (!row) this.rows.set(key, (row = { collection, centerId, added: 0, updated: 0, unchanged: 0, moved: 0, failed: 0 }));
    row[what]++;
  }

  list(): DocumentCounts[] {
    return [...this.rows.values()].sort((a, b) => a.collection.localeCompare(b.collection) || a.centerId.localeCompare(b.centerId));
  }
}

export function totalsOf(files: readonly FileReport[]): MigrationReport['totals'] {
  const totals = Object.fromEntries(countKeys.map((k) => [k, 0])) as MigrationReport['totals'];
  for (const file of files) for (const k of countKeys) totals[k] += file[k];
  return totals;
}

export function centersOf(files: readonly FileReport[], documents: readonly DocumentCounts[]): MigrationReport['centers'] {
  const centers = new Map<string, { centerId: string; rows: number; documents: number }>();
  const at = (centerId: string) => {
    let c = centers.get(centerId);
    if (!c) centers.set(centerId, (c = { centerId, rows: 0, documents: 0 }));
    return c;
  };
  for (const file of files) for (const [centerId, rows] of Object.entries(file.byCenter)) at(centerId).rows += rows;
  for (const d of documents) at(d.centerId).documents += d.added + d.updated + d.unchanged;
  return [...centers.values()].sort((a, b) => a.centerId.localeCompare(b.centerId));
}

const s = migrationMessages.summary;

/** The report as a few lines for the terminal; the JSON file has everything. */
export function summaryText(report: MigrationReport): string {
  const lines: string[] = [s.heading];
  if (report.mode === 'dryRun') lines.push(s.dryRun);
  lines.push(s.columns);
  const row = (name: string, c: Omit<FileCounts, 'byCenter'>) =>
    [name, c.read, c.imported, c.rejected, c.added, c.updated, c.unchanged, c.verified, c.mismatched].join('  ');
  for (const file of report.files) lines.push(row(file.file, file));
  lines.push(row(s.totals, report.totals));
  const moved = report.documents.reduce((n, d) => n + d.moved, 0);
  const added = report.documents.reduce((n, d) => n + d.added, 0);
  const updated = report.documents.reduce((n, d) => n + d.updated, 0);
  if (report.mode !== 'dryRun') lines.push(added + updated + moved === 0 ? s.noChanges : format(s.changes, { added, updated, moved }));
  lines.push(format(s.centers, { list: report.centers.map((c) => `${c.centerId} ${c.rows}`).join('、') }));
  lines.push(report.reconciled === null ? s.verificationSkipped : report.reconciled ? s.reconciled : s.notReconciled);
  if (report.rejectsFile) lines.push(format(s.rejectsFile, { path: report.rejectsFile, count: report.rejectedRows }));
  return lines.join('\n');
}
