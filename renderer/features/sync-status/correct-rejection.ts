import {
  checklistFormOf,
  consultationFormOf,
  evaluationFormOf,
  planFormOf,
  type BasicChecklist,
  type CarePlan,
  type Consultation,
  type PlanEvaluation,
} from '../../../shared/index';
import type { OpenSession } from '../../session/session-service';
import type { Rejection } from '../../store/local-schemas';
import { draftId } from '../case-work/use-draft';
import { editPath } from './record-links';

// "Open the record to correct it": the refused values are put back into the record's
// form as a draft (the form restores drafts and says so), so the person corrects the
// field the reason names instead of typing everything again. Saving sends it anew.

const formOf: Record<string, (document: Record<string, unknown>) => object> = {
  consultations: (d) => consultationFormOf(d as unknown as Consultation),
  basicChecklists: (d) => checklistFormOf(d as unknown as BasicChecklist),
  carePlans: (d) => planFormOf(d as unknown as CarePlan),
  planEvaluations: (d) => evaluationFormOf(d as unknown as PlanEvaluation),
};

/** Where the person corrects the refused change, when the record is here and has a form. */
export function correctionPath(rejection: Rejection, recordOnDevice: boolean): string | undefined {
  if (!recordOnDevice || rejection.reason === 'personMoved' || rejection.reason === 'forbidden' || !formOf[rejection.collectionName]) return undefined;
  return editPath(rejection.collectionName, { id: rejection.documentId, personId: rejection.personId });
}

/** Writes the refused values as the record form's draft; returns the form's path. */
export async function prepareCorrection(session: OpenSession, rejection: Rejection): Promise<string | undefined> {
  const path = correctionPath(rejection, true);
  const toForm = formOf[rejection.collectionName];
  if (!path || !toForm || rejection.personId === undefined || rejection.centerId === undefined) return undefined;
  const { collectionName: kind, personId, centerId } = rejection;
  await session.db.drafts.upsert({
    id: draftId(session.userId, { kind, personId, centerId, documentId: rejection.documentId }),
    kind,
    personId,
    centerId,
    userId: session.userId,
    data: toForm(rejection.document) as Record<string, unknown>,
    updatedAt: new Date().toISOString(),
  });
  return path;
}
