// The audit log's writer. Appends are serialized through one queue and written in
// batches (group commit): while one batch is being written, the entries that arrive
// wait and go together in the next, so a busy server does not pay one storage
// round trip per audited request, and the chain is never forked by two writers.
import type { AuditEntry } from '../../shared/index';
import { KeyedQueue } from '../util/keyed-queue';
import { appendAuditEntries, type UploadOutcome, type UploadSource } from './upload';

export type { UploadOutcome, UploadSource };
import type { Database, StorageEngine } from '../storage/port';
import { fromStored, toStored } from '../util/documents';
import { serverMessages } from '../../shared/index';
import { ConfigError } from '../config/resolve';
import { anchorSealValid, auditDocumentId, chainEntries, emptyHead, sealAnchor, type AuditAnchor, type AuditEntryDraft, type AuditKey, type ChainHead, type ChainedEntry } from './chain';

/** Where the anchor (see AuditAnchor) lives in `server_meta`. */
export const auditAnchorId = 'audit-anchor';

export const auditDatabaseName = 'audit';
const lastPossibleId = '9'.repeat(auditDocumentId(1).length);
export const metaDatabaseName = 'server_meta';
/** Ids of offline entries already chained, so a retried upload is not chained twice. */
export const receivedDatabaseName = 'audit_received';

interface Pending {
  drafts: AuditEntryDraft[];
  resolve: (entries: ChainedEntry[]) => void;
  reject: (error: Error) => void;
}

export class AuditLog {
  private head: ChainHead = emptyHead;
  private anchorRev: string | undefined;
  /** Where sealing began (chain.ts), once this log has run with a key. */
  private sealedFrom: number | undefined;
  private pending: Pending[] = [];
  private writing: Promise<void> | undefined;
  /** Serializes offline uploads, so one retried twice at once is chained once. */
  readonly uploads = new KeyedQueue();

  private constructor(
    readonly db: Database,
    private readonly meta: Database,
    private readonly received: Database,
    private readonly now: () => number,
    /** The audit key, when the server has one: every entry and anchor written is sealed. */
    readonly key: AuditKey | undefined,
  ) {}

  /**
   * Opens the log. A log once sealed refuses to be written without its key (entries
   * written without seals would look like tampering), and refuses another key.
   */
  static async open(storage: StorageEngine, now: () => number = Date.now, key?: AuditKey): Promise<AuditLog> {
    const db = await openAppendOnly(storage, auditDatabaseName);
    const log = new AuditLog(db, await storage.open(metaDatabaseName), await storage.open(receivedDatabaseName), now, key);
    const anchor = await log.loadHead();
    const startsSealing = log.checkKey(anchor);
    if (anchor) await log.recoverInterruptedWrite(anchor);
    if (startsSealing) await log.append(log.systemEntry('success', `audit key configured: entries from ${String(log.sealedFrom)} on are sealed`));
    return log;
  }

  /** Checks the key against the anchor; true when this start is the first with a key. */
  private checkKey(anchor: AuditAnchor | undefined): boolean {
    if (anchor?.sealedFrom === undefined) {
      if (!this.key) return false;
      // Sealing starts with the next entry written.
      this.sealedFrom = this.head.seq + 1;
      return true;
    }
    if (!this.key) throw new ConfigError('auditKeyFile', undefined, serverMessages.audit.key.required);
    if (!anchorSealValid(anchor, this.key)) throw new ConfigError('auditKeyFile', undefined, serverMessages.audit.key.mismatch);
    this.sealedFrom = anchor.sealedFrom;
    return false;
  }

  /** An entry of the log's own, about its start. */
  private systemEntry(result: 'success' | 'failure', detail: string): AuditEntryDraft {
    return { at: new Date(this.now()).toISOString(), userId: 'system', menu: 'server:start', operation: 'admin', result, detail };
  }

  /**
   * A crash after the anchor was written but before (all of) its batch leaves the chain
   * ending short of the anchor, inside that batch. Those entries never reached storage,
   * and their requests never got an answer; say so in the log itself, which also moves
   * the anchor back in step. Any other disagreement is left for verification to report.
   */
  private async recoverInterruptedWrite(anchor: AuditAnchor): Promise<void> {
    const { seq } = this.head;
    if (seq >= anchor.seq || seq < anchor.previous.seq) return;
    if (seq === anchor.previous.seq && this.head.hash !== anchor.previous.hash) return;
    await this.append(this.systemEntry('failure', `interrupted write: entries ${seq + 1}-${anchor.seq} were not stored`));
  }

  /** Offline entries uploaded by a client (see the function of the same name below). */
  appendAuditEntries(entries: readonly unknown[], source: UploadSource): Promise<UploadOutcome[]> {
    return appendAuditEntries(this, this.received, entries, source);
  }

  /** The chain's end as this writer knows it. */
  get lastSeq(): number {
    return this.head.seq;
  }

  append(draft: AuditEntryDraft): Promise<ChainedEntry> {
    return this.appendMany([draft]).then((entries) => entries[0] as ChainedEntry);
  }

  /** Appends in the given order; resolves once the entries are stored. */
  appendMany(drafts: readonly AuditEntryDraft[]): Promise<ChainedEntry[]> {
    if (drafts.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.pending.push({ drafts: [...drafts], resolve, reject });
      this.startWriting();
    });
  }

  private startWriting(): void {
    if (this.writing) return;
    this.writing = this.drain().finally(() => {
      this.writing = undefined;
      // Entries that arrived after the last batch but before this callback would wait forever.
      if (this.pending.length > 0) this.startWriting();
    });
  }

  /** Waits until everything appended so far is stored (for a clean shutdown). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      try {
        const entries = await this.write(batch.flatMap((p) => p.drafts));
        let offset = 0;
        for (const p of batch) {
          p.resolve(entries.slice(offset, offset + p.drafts.length));
          offset += p.drafts.length;
        }
      } catch (error) {
        for (const p of batch) p.reject(error as Error);
        // Start the next batch from what is really stored, whatever got written.
        await this.loadHead().catch(() => undefined);
      }
    }
  }

  private async write(drafts: AuditEntryDraft[]): Promise<ChainedEntry[]> {
    const entries = chainEntries(drafts, this.head, new Date(this.now()).toISOString(), this.key);
    const last = entries[entries.length - 1] as ChainedEntry;
    const plain: AuditAnchor = { seq: last.seq, hash: last.hash, previous: this.head, ...(this.sealedFrom !== undefined ? { sealedFrom: this.sealedFrom } : {}) };
    const anchor = this.key ? sealAnchor(plain, this.key) : plain;
    const { rev } = await this.meta.put(toStored(auditAnchorId, anchor, this.anchorRev));
    this.anchorRev = rev;
    const outcomes = await this.db.bulkWrite(entries.map((entry) => toStored(auditDocumentId(entry.seq), entry)));
    const failed = outcomes.find((o) => !o.ok);
    if (failed && !failed.ok) throw new Error(`audit entry ${failed.id} was not stored: ${failed.reason}`);
    this.head = { seq: last.seq, hash: last.hash };
    return entries;
  }

  /** Reads where the stored chain ends, and the stored anchor (returned). */
  private async loadHead(): Promise<AuditAnchor | undefined> {
    // Only ids of the chain's shape: a design document or a stray one sorts elsewhere.
    const [last] = await this.db.allDocs({ includeDocs: true, descending: true, limit: 1, startKey: lastPossibleId, endKey: auditDocumentId(1) });
    const entry = last?.doc ? fromStored<AuditEntry>(last.doc) : undefined;
    this.head = entry && typeof entry.seq === 'number' && entry.hash ? { seq: entry.seq, hash: entry.hash } : emptyHead;
    const anchor = await this.meta.get(auditAnchorId);
    this.anchorRev = anchor?._rev;
    return anchor ? fromStored<AuditAnchor>(anchor) : undefined;
  }
}

/** The audit database refuses updates and deletions where the engine can enforce it. */
export function openAppendOnly(storage: StorageEngine, name: string): Promise<Database> {
  return storage.open(name, { appendOnly: true });
}

export async function readAnchor(storage: StorageEngine): Promise<AuditAnchor | undefined> {
  const doc = await (await storage.open(metaDatabaseName)).get(auditAnchorId);
  return doc ? fromStored<AuditAnchor>(doc) : undefined;
}
