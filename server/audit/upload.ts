// Offline entries uploaded by clients (DESIGN.md decision 5): checked, kept to their own
// user and device, de-duplicated by id, then chained by the log like any other entry.
import { fieldLabel, format, validationMessages } from '../../shared/index';
import type { Database } from '../storage/port';
import { validateDocument, type FieldError } from '../validation/documents';
import type { AuditEntryDraft, ChainedEntry } from './chain';
import type { AuditLog } from './log';

/** Who uploads offline entries: the session's user and device. */
export interface UploadSource {
  userId: string;
  deviceId?: string;
}

export type UploadOutcome =
  | { id: string; ok: true; seq: number; duplicate: false }
  | { id: string; ok: true; duplicate: true }
  | { id: string; ok: false; errors: FieldError[] };

/**
 * Entries clients recorded offline (DESIGN.md decision 5) arrive without seq or hashes;
 * the server checks them, drops the ones it already has (a retried upload) and chains
 * the rest in the order given. A user can only upload their own entries.
 */
export async function appendAuditEntries(log: AuditLog, received: Database, entries: readonly unknown[], source: UploadSource): Promise<UploadOutcome[]> {
  const outcomes: Array<UploadOutcome | undefined> = new Array<UploadOutcome | undefined>(entries.length);
  const accepted: Array<{ index: number; draft: AuditEntryDraft & { id: string } }> = [];
  const seen = new Set<string>();
  entries.forEach((raw, index) => {
    const { seq: _seq, recordedAt: _recorded, prevHash: _prev, hash: _hash, ...entry } = (raw ?? {}) as Record<string, unknown>;
    const draft: Record<string, unknown> = { ...entry, offline: true, ...(source.deviceId !== undefined && entry.deviceId === undefined ? { deviceId: source.deviceId } : {}) };
    const id = typeof entry.id === 'string' ? entry.id : '';
    const checked = validateDocument('auditEntries', draft);
    const mismatch = (field: 'userId' | 'deviceId') => ({ field, keyword: 'const', message: format(validationMessages.invalid, { field: fieldLabel('auditEntries', field) }) });
    if (!checked.ok) outcomes[index] = { id, ok: false, errors: checked.errors };
    else if (draft.userId !== source.userId) outcomes[index] = { id, ok: false, errors: [mismatch('userId')] };
    else if (source.deviceId !== undefined && draft.deviceId !== source.deviceId) outcomes[index] = { id, ok: false, errors: [mismatch('deviceId')] };
    else if (seen.has(id)) outcomes[index] = { id, ok: true, duplicate: true };
    else {
      seen.add(id);
      accepted.push({ index, draft: draft as AuditEntryDraft & { id: string } });
    }
  });
  await log.uploads.run('offline', async () => {
    const known = await received.getMany(accepted.map((a) => receivedId(a.draft.id)));
    const fresh = accepted.filter((a, i) => {
      if (known[i] === undefined) return true;
      outcomes[a.index] = { id: a.draft.id, ok: true, duplicate: true };
      return false;
    });
    const chained = await log.appendMany(fresh.map((a) => a.draft));
    // Marked after they are chained: a crash in between may chain a retried entry twice, never lose one.
    await received.bulkWrite(chained.map((entry) => ({ _id: receivedId(entry.id), seq: entry.seq })));
    fresh.forEach((a, i) => {
      outcomes[a.index] = { id: a.draft.id, ok: true, seq: (chained[i] as ChainedEntry).seq, duplicate: false };
    });
  });
  return outcomes.map((o) => o as UploadOutcome);
}

/** Client ids are free-form; the marker's id must be a plain document id. */
const receivedId = (id: string) => `r-${id}`;
