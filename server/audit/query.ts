// Auditors' filters over the log: user, center, person, operation, result and a date
// range. The log is scanned in chain order (its stored ids), newest first for the
// screen and oldest first for the CSV; a date range stops the scan early, because an
// entry is never recorded before it happened.
import type { AuditEntry, AuditOperation, AuditResult } from '../../shared/index';
import type { Database } from '../storage/port';
import { fromStored } from '../util/documents';
import { auditDocumentId, type ChainedEntry } from './chain';

export interface AuditFilter {
  userId?: string;
  centerId?: string;
  personId?: string;
  operation?: AuditOperation;
  result?: AuditResult;
  /** Inclusive bounds on when it happened (`at`), as instants (ms). */
  from?: number;
  to?: number;
}

const jstOffsetMs = 9 * 60 * 60_000;

/**
 * `YYYY-MM-DD` is a day in Japan (the auditors' calendar): from its first to its last
 * millisecond, JST. A full ISO instant is taken as it is.
 */
export function boundOf(text: string, end: 'from' | 'to'): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const midnight = new Date(`${text}T00:00:00.000Z`);
    // Date rolls 2026-02-30 over into March; a day that does not exist is no bound.
    if (Number.isNaN(midnight.getTime()) || midnight.toISOString().slice(0, 10) !== text) return Number.NaN;
    const startOfDayUtc = midnight.getTime() - jstOffsetMs;
    return end === 'from' ? startOfDayUtc : startOfDayUtc + 24 * 60 * 60_000 - 1;
  }
  const instant = new Date(text);
  return !Number.isNaN(instant.getTime()) && instant.toISOString().slice(0, 19) === text.slice(0, 19) ? instant.getTime() : Number.NaN;
}

export function matches(entry: AuditEntry, filter: AuditFilter): boolean {
  if (filter.userId !== undefined && entry.userId !== filter.userId) return false;
  if (filter.centerId !== undefined && entry.centerId !== filter.centerId) return false;
  if (filter.personId !== undefined && entry.targetPersonId !== filter.personId) return false;
  if (filter.operation !== undefined && entry.operation !== filter.operation) return false;
  if (filter.result !== undefined && entry.result !== filter.result) return false;
  const at = Date.parse(entry.at);
  if (filter.from !== undefined && at < filter.from) return false;
  if (filter.to !== undefined && at > filter.to) return false;
  return true;
}

const pageSize = 1000;
const firstId = auditDocumentId(1);
const lastId = '9'.repeat(firstId.length);

/**
 * Calls `visit` for each matching entry in order until it returns false or the log
 * ends. `after` continues a previous scan past that stored id (exclusive).
 */
export async function scanAudit(
  db: Database,
  filter: AuditFilter,
  order: 'newestFirst' | 'oldestFirst',
  visit: (entry: ChainedEntry, storedId: string) => boolean | Promise<boolean>,
  after?: string,
): Promise<void> {
  const descending = order === 'newestFirst';
  let start = after ?? (descending ? lastId : firstId);
  let skipStart = after !== undefined;
  for (;;) {
    const rows = await db.allDocs({ includeDocs: true, descending, startKey: start, endKey: descending ? firstId : lastId, limit: pageSize + 1 });
    const page = skipStart && rows[0]?.id === start ? rows.slice(1) : rows.slice(0, pageSize);
    for (const row of page) {
      if (!row.doc) continue;
      const entry = fromStored<ChainedEntry>(row.doc);
      // Newest first: once entries were recorded before `from`, none later in the scan can match.
      if (descending && filter.from !== undefined && Date.parse(entry.recordedAt) < filter.from) return;
      if (matches(entry, filter) && !(await visit(entry, row.id))) return;
    }
    const last = page[page.length - 1];
    if (!last || rows.length <= pageSize) return;
    start = last.id;
    skipStart = true;
  }
}
