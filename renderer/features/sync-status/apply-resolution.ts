import type { RxCollection } from 'rxdb';
import {
  consultationContentFields,
  correctConsultation,
  format,
  resolutionNote,
  resolveConflict,
  compareConflict,
  uiMessages,
  type Conflict,
  type ConflictVersions,
  type Consultation,
  type ConsultationContent,
  type FieldChoice,
  type FieldProblem,
  type Resolution,
  type ResolutionOutcome,
} from '../../../shared/index';
import type { OpenSession } from '../../session/session-service';
import { auditIssue } from './issue-audit';

// Confirming a resolution: the chosen values are written to the record as the resolving
// person's own edit (so the sync sends it and the server audits it like any edit), then
// the conflict is marked resolved. The choices are applied to the record as it is at the
// moment of writing, which the sync may have changed since the screen was drawn.

type Doc = Record<string, unknown> & { id: string };

export type ApplyOutcome = { ok: true; resolution: Resolution; written: boolean } | { ok: false; errors: FieldProblem[] };

/** A stored document's own fields, without RxDB's bookkeeping. */
export function plainDocument(doc: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) if (!key.startsWith('_')) plain[key] = value;
  return plain;
}

export function versionsOf(conflict: Conflict, current: Record<string, unknown> | undefined): ConflictVersions {
  return {
    collection: conflict.collectionName,
    fields: conflict.fields,
    winning: conflict.winningVersion as Record<string, unknown> | undefined,
    losing: conflict.losingVersion as Record<string, unknown>,
    current,
  };
}

/**
 * A consultation keeps every earlier version in its corrections: the resolution is
 * written as one more correction of the record as it stood, so its history stays whole.
 */
function asEdit(collection: string, before: Record<string, unknown>, after: Record<string, unknown>, stamp: { at: string; by: string }, reason: string): Record<string, unknown> {
  if (collection !== 'consultations') return after;
  const base: Record<string, unknown> = { ...after };
  const content: Record<string, unknown> = {};
  for (const field of consultationContentFields) {
    if (after[field] !== undefined) content[field] = after[field];
    if (before[field] === undefined) delete base[field];
    else base[field] = before[field];
  }
  return correctConsultation(base as Consultation, content as ConsultationContent, { ...stamp, reason }) ?? after;
}

export async function applyResolution(session: OpenSession, conflict: Conflict, choices: Readonly<Record<string, FieldChoice | undefined>>): Promise<ApplyOutcome> {
  const collection = (session.db.collections as Record<string, RxCollection | undefined>)[conflict.collectionName] as RxCollection<Doc> | undefined;
  if (!collection) return { ok: false, errors: [{ field: 'collectionName', message: format(uiMessages.syncIssues.conflict.failed, { reason: conflict.collectionName }) }] };
  const at = new Date().toISOString();
  const stamp = { at, by: session.userId };
  const reason = format(uiMessages.syncIssues.conflict.correctionReason, { by: conflict.createdBy });
  const local = await collection.findOne(conflict.documentId).exec();
  const decide = (current: Record<string, unknown> | undefined): ResolutionOutcome => resolveConflict(versionsOf(conflict, current), choices, stamp);

  let outcome = decide(local ? plainDocument(local.toMutableJSON()) : undefined);
  if (!outcome.ok) return outcome;
  let written = false;
  if (local && outcome.write.kind === 'put') {
    await local.incrementalModify((latest) => {
      const current = plainDocument(latest);
      outcome = decide(current);
      if (!outcome.ok || outcome.write.kind !== 'put') return latest;
      written = true;
      return asEdit(conflict.collectionName, current, outcome.write.document, stamp, reason) as Doc;
    });
    if (!outcome.ok) return outcome;
  } else if (local && outcome.write.kind === 'delete') {
    await local.remove();
    written = true;
  } else if (!local && outcome.write.kind === 'put') {
    // The record was deleted on the server and the person restores the version that lost.
    await collection.upsert(outcome.write.document as Doc);
    written = true;
  }

  const resolution = outcome.resolution;
  const stored = await session.db.conflicts.findOne(conflict.id).exec();
  await stored?.incrementalPatch({
    resolvedAt: at,
    resolvedBy: session.userId,
    resolution,
    note: resolutionNote(conflict.collectionName, compareConflict(versionsOf(conflict, local ? plainDocument(local.toMutableJSON()) : undefined)), choices),
    updatedAt: at,
  });
  await auditIssue(session, {
    operation: written ? 'update' : 'sync',
    centerId: conflict.centerId,
    personId: conflict.personId,
    documentId: `${conflict.collectionName}:${conflict.documentId}`,
    detail: `conflict ${conflict.id} resolved:${resolution}`,
  });
  return { ok: true, resolution, written };
}
