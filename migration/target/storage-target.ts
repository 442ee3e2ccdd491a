// `--data DIR`: writes straight into the data folder the server serves (the server must
// not be running on it: LevelDB allows one process). Every write is audited (per person,
// server/migration/audit.ts) in the same hash-chained log the server keeps.
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { format, migrationMessages } from '../../shared/index';
import { loadAuditKey } from '../../server/audit/key';
import { AuditLog } from '../../server/audit/log';
import type { AuditEntryDraft } from '../../server/audit/chain';
import { createFileStore, type FilePayload } from '../../server/files/store';
import { groupDetail, groupTarget, groupWritten } from '../../server/migration/audit';
import { createMigrationStore, type ImportOutcome, type ImportUnit, type WrittenDocument } from '../../server/migration/store';
import { createStorage } from '../../server/storage/index';
import type { MigrationTarget } from '../engine/sink';

export const migrationMenu = 'migration';

/**
 * The import's audit entries (server/migration/audit.ts): one per person per batch, one
 * per document without a person; never for unchanged documents.
 */
export function auditDraftsOf(written: readonly WrittenDocument[], userId: string, detail: string, at: string, runId: string): AuditEntryDraft[] {
  return groupWritten(written).map((group) => ({
    at,
    userId: userId.slice(0, 40),
    ...(group.centerId !== undefined ? { centerId: group.centerId } : {}),
    menu: migrationMenu,
    operation: group.operation,
    ...groupTarget(group),
    result: 'success' as const,
    requestId: runId,
    detail: groupDetail(group, detail, runId),
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

export async function openStorageSide(dataDir: string, userId: string, ownsAudit: boolean, auditKeyFile?: string, runId: string = randomUUID()): Promise<StorageSide> {
  // The key is read before the store is opened, so a bad one leaves the folder untouched.
  const auditKey = ownsAudit && auditKeyFile !== undefined ? loadAuditKey(auditKeyFile, dataDir) : undefined;
  const engine = await createStorage({ kind: 'embedded', dataDir, bulkLoad: true });
  try {
    const audit = ownsAudit ? await AuditLog.open(engine, Date.now, auditKey) : undefined;
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
        if (written.length > 0) await audit.appendMany(auditDraftsOf(written, userId, detail, new Date().toISOString(), runId));
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
export async function storageTarget(dataDir: string, userId: string, auditKeyFile?: string): Promise<MigrationTarget> {
  const side = await openStorageSide(dataDir, userId, true, auditKeyFile);
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
