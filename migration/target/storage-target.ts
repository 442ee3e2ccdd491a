// `--data DIR`: writes straight into the data folder the server serves (the server must
// not be running on it: LevelDB allows one process). Every document written is audited
// in the same hash-chained log the server keeps, as the server's own writes are.
import { userInfo } from 'node:os';
import { format, migrationMessages } from '../../shared/index';
import { AuditLog } from '../../server/audit/log';
import type { AuditEntryDraft } from '../../server/audit/chain';
import { createFileStore } from '../../server/files/store';
import { createMigrationStore, type WrittenDocument } from '../../server/migration/store';
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

export async function storageTarget(dataDir: string, userId: string): Promise<MigrationTarget> {
  const engine = await createStorage({ kind: 'embedded', dataDir });
  try {
    const audit = await AuditLog.open(engine);
    const files = createFileStore(engine);
    const detail = format(migrationMessages.audit.data, { osUser: userInfo().username });
    const store = createMigrationStore(engine, {
      files,
      onWritten: async (written) => {
        await audit.appendMany(auditDraftsOf(written, userId, detail, new Date().toISOString()));
      },
    });
    return {
      description: dataDir,
      async putFiles(list) {
        const byCenter = new Map<string, typeof list>();
        for (const item of list) byCenter.set(item.centerId, [...(byCenter.get(item.centerId) ?? []), item]);
        for (const [centerId, items] of byCenter) await files.putFiles(centerId, items.map((i) => i.payload));
      },
      importBatch: (units) => store.importBatch(units),
      async close() {
        await audit.flush();
        await engine.close();
      },
    };
  } catch (error) {
    await engine.close();
    throw error;
  }
}
