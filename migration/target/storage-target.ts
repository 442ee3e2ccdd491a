// `--data DIR`: writes straight into the data folder the server serves (the server must
// not be running on it: LevelDB allows one process). Every document written is audited
// in the same hash-chained log the server keeps, as the server's own writes are.
import { userInfo } from 'node:os';
import { format, migrationMessages } from '../../shared/index';
import { AuditLog } from '../../server/audit/log';
import type { AuditEntryDraft } from '../../server/audit/chain';
import { createFileStore, type FilePayload } from '../../server/files/store';
import { createMigrationStore, type ImportOutcome, type ImportUnit, type WrittenDocument } from '../../server/migration/store';
import { createStorage } from '../../server/storage/index';
import type { MigrationTarget } from '../engine/sink';

export const migrationMenu = 'migration';

/** One audit entry per document the import created or changed (never for unchanged ones). */
export function auditDraftsOf(written: readonly WrittenDocument[], userId: string, detail: string, at: string, requestId?: string): AuditEntryDraft[] {
  return written.map((w) => ({
    at,
    userId: userId.slice(0, 40),
    ...(w.centerId !== undefined ? { centerId: w.centerId } : {}),
    menu: migrationMenu,
    operation: w.operation,
    ...(w.personId !== undefined ? { targetPersonId: w.personId } : {}),
    targetDocumentId: w.id,
    result: 'success' as const,
    ...(requestId !== undefined ? { requestId } : {}),
    detail: (w.movedFrom !== undefined ? format(migrationMessages.audit.moved, { detail, from: w.movedFrom, to: w.centerId ?? '' }) : detail).slice(0, 200),
  }));
}

/**
 * One process's share of a data folder: the databases it writes through its own engine,
 * and, for the one that owns it, the audit log. Several of these (in worker threads)
 * can share a folder as long as no database is opened by two of them.
 */
export interface StorageSide {
  putFiles(files: ReadonlyArray<{ centerId: string; payload: FilePayload }>): Promise<void>;
  /** Writes and reads back; answers what it wrote, for the audit log. */
  importBatch(units: readonly ImportUnit[]): Promise<{ outcomes: ImportOutcome[]; written: WrittenDocument[] }>;
  /** Only on the side that owns the audit log. */
  appendAudit(written: readonly WrittenDocument[]): Promise<void>;
  close(): Promise<void>;
}

export async function openStorageSide(dataDir: string, userId: string, ownsAudit: boolean): Promise<StorageSide> {
  const engine = await createStorage({ kind: 'embedded', dataDir });
  try {
    const audit = ownsAudit ? await AuditLog.open(engine) : undefined;
    const files = createFileStore(engine);
    const detail = format(migrationMessages.audit.data, { osUser: userInfo().username });
    const store = createMigrationStore(engine, { files });
    return {
      async putFiles(list) {
        const byCenter = new Map<string, FilePayload[]>();
        for (const item of list) byCenter.set(item.centerId, [...(byCenter.get(item.centerId) ?? []), item.payload]);
        for (const [centerId, payloads] of byCenter) await files.putFiles(centerId, payloads);
      },
      async importBatch(units) {
        const written: WrittenDocument[] = [];
        const outcomes = await store.importBatch(units, { onWritten: async (w) => void written.push(...w) });
        return { outcomes, written };
      },
      async appendAudit(written) {
        if (!audit) throw new Error('this storage side does not own the audit log');
        if (written.length > 0) await audit.appendMany(auditDraftsOf(written, userId, detail, new Date().toISOString()));
      },
      async close() {
        await audit?.flush();
        await engine.close();
      },
    };
  } catch (error) {
    await engine.close();
    throw error;
  }
}

/** In this thread: the whole folder, audit included. */
export async function storageTarget(dataDir: string, userId: string): Promise<MigrationTarget> {
  const side = await openStorageSide(dataDir, userId, true);
  return {
    description: dataDir,
    putFiles: (files) => side.putFiles(files),
    async importBatch(units) {
      const { outcomes, written } = await side.importBatch(units);
      await side.appendAudit(written);
      return outcomes;
    },
    close: () => side.close(),
  };
}
