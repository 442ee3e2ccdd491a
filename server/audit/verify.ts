// Reads the whole stored chain in order and checks it (chain.ts): the answer of
// `npm run audit:verify` and of GET /api/audit/verify.
import type { StorageEngine } from '../storage/port';
import { ChainVerifier, type VerifyResult } from './chain';
import { auditDatabaseName, openAppendOnly, readAnchor } from './log';

const pageSize = 2000;

export async function verifyAuditChain(storage: StorageEngine): Promise<VerifyResult> {
  const db = await openAppendOnly(storage, auditDatabaseName);
  const anchor = await readAnchor(storage);
  const verifier = new ChainVerifier();
  let after: string | undefined;
  for (;;) {
    const rows = await db.allDocs({ includeDocs: true, limit: pageSize + 1, ...(after !== undefined ? { startKey: after } : {}) });
    const page = after !== undefined && rows[0]?.id === after ? rows.slice(1) : rows.slice(0, pageSize);
    for (const row of page) {
      // The CouchDB engine's validate_doc_update lives in the same database.
      if (row.id.startsWith('_design/') || !row.doc) continue;
      const broken = verifier.check(row.doc);
      if (broken) return { ok: false, entries: verifier.entries, brokenAt: broken };
    }
    const last = page[page.length - 1];
    if (!last || rows.length <= pageSize) break;
    after = last.id;
  }
  const broken = verifier.finish(anchor);
  return broken ? { ok: false, entries: verifier.entries, brokenAt: broken } : { ok: true, entries: verifier.entries };
}
