import { isCollectionName } from '../../../shared/index';
import type { OpenSession } from '../../session/session-service';
import type { Rejection } from '../../store/local-schemas';
import { runningSync, type RevertOutcome } from '../../sync/index';
import { auditIssue } from './issue-audit';

// Discarding a refused change: the record goes back to the server's version (the sync
// engine writes it back and pulls), and every refusal of that record stops waiting. Offline
// audit entries are never reverted: a refused one only leaves the list.

export type DiscardOutcome = { ok: true; reverted: RevertOutcome | 'notApplicable' } | { ok: false; reason: 'noSync' };

export async function discardRejection(session: OpenSession, rejection: Rejection): Promise<DiscardOutcome> {
  let reverted: RevertOutcome | 'notApplicable' = 'notApplicable';
  if (isCollectionName(rejection.collectionName) && rejection.collectionName !== 'auditEntries') {
    const engine = runningSync(session.db);
    if (!engine) return { ok: false, reason: 'noSync' };
    reverted = await engine.revert(rejection.collectionName, rejection.documentId);
    if (reverted === 'unknown') return { ok: false, reason: 'noSync' };
  }
  await session.db.rejections.find({ selector: { collectionName: rejection.collectionName, documentId: rejection.documentId } }).remove();
  await auditIssue(session, {
    operation: 'sync',
    centerId: rejection.centerId,
    personId: rejection.personId,
    documentId: `${rejection.collectionName}:${rejection.documentId}`,
    detail: `rejected change discarded:${rejection.reason} reverted:${reverted}`,
  });
  return { ok: true, reverted };
}
