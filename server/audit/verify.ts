// Reads the whole stored chain in order and checks it (chain.ts): the answer of
// `npm run audit:verify` and of GET /api/audit/verify.
import { serverMessages } from '../../shared/index';
import { ConfigError } from '../config/resolve';
import type { StorageEngine } from '../storage/port';
import { anchorSealValid, auditDocumentId, ChainVerifier, type AuditKey, type VerifyResult } from './chain';
import { auditDatabaseName, openAppendOnly, readAnchor } from './log';

const pageSize = 2000;

export interface AuditVerifyResult extends VerifyResult {
  /** Whether the seals were checked too (a key was given); false means hashes only. */
  sealed: boolean;
}

/**
 * Without a key only the hashes can be checked, which someone able to edit the data
 * folder could recompute; a log that was ever sealed is therefore not verified without
 * its key (a ConfigError says to give it).
 */
export async function verifyAuditChain(storage: StorageEngine, key?: AuditKey): Promise<AuditVerifyResult> {
  const db = await openAppendOnly(storage, auditDatabaseName);
  const anchor = await readAnchor(storage);
  if (!key && anchor?.sealedFrom !== undefined) throw new ConfigError('auditKeyFile', undefined, serverMessages.audit.key.required);
  // A forged anchor's word on where sealing began is taken only to find the first
  // rewritten entry sooner (any seal an entry carries is checked anyway); the anchor
  // itself is reported once the entries pass.
  const anchorSealed = key !== undefined && anchor !== undefined && anchorSealValid(anchor, key);
  const verifier = new ChainVerifier(key ? { key, from: anchor?.sealedFrom ?? Number.POSITIVE_INFINITY } : undefined);
  const result = (ok: boolean, brokenAt?: VerifyResult['brokenAt']): AuditVerifyResult => ({ ok, entries: verifier.entries, ...(brokenAt ? { brokenAt } : {}), sealed: key !== undefined });
  let after: string | undefined;
  for (;;) {
    const rows = await db.allDocs({ includeDocs: true, limit: pageSize + 1, ...(after !== undefined ? { startKey: after } : {}) });
    const page = after !== undefined && rows[0]?.id === after ? rows.slice(1) : rows.slice(0, pageSize);
    for (const row of page) {
      // The CouchDB engine's validate_doc_update lives in the same database.
      if (row.id.startsWith('_design/') || !row.doc) continue;
      const broken = verifier.check(row.doc);
      if (broken) return result(false, broken);
    }
    const last = page[page.length - 1];
    if (!last || rows.length <= pageSize) break;
    after = last.id;
  }
  const broken = verifier.finish(anchor);
  if (broken) return result(false, broken);
  if (key && anchor && !anchorSealed) {
    const seq = Math.max(anchor.seq, 1);
    return result(false, { id: auditDocumentId(seq), seq, reason: anchor.seal === undefined ? 'anchorUnsealed' : 'anchorSealBroken' });
  }
  return result(true);
}
