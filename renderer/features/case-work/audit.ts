import type { AuditOperation } from '../../../shared/index';
import { auditAs, useAuditedView, type ViewAuditState } from '../../session/audit';
import type { OpenSession } from '../../session/session-service';
import type { AuditEvent } from '../../store/audit';

// Every view, create, edit and print of a case record is one entry in the local audit
// log, which the sync uploads (DESIGN.md decision 5). Views show the record only once
// the entry is stored, as the ledger does, so no read goes unrecorded.

export const caseWorkMenus = {
  consultation: 'consultation',
  centerConsultations: 'consultationCenterList',
  checklist: 'basicChecklist',
  carePlan: 'carePlan',
  evaluation: 'planEvaluation',
} as const;

/** The detail of a read entry for a list of a person's records (rather than one record). */
export const listDetail = 'list';

export interface CaseAuditEvent {
  menu: (typeof caseWorkMenus)[keyof typeof caseWorkMenus];
  operation: AuditOperation;
  centerId?: string;
  personId?: string;
  /** `<collection>:<id>` of the record, as the server's entries name documents. */
  documentId?: string;
  detail?: string;
}

function toAuditEvent(event: CaseAuditEvent): AuditEvent {
  return {
    menu: event.menu,
    operation: event.operation,
    ...(event.centerId !== undefined && { centerId: event.centerId }),
    ...(event.personId !== undefined && { targetPersonId: event.personId }),
    ...(event.documentId !== undefined && { targetDocumentId: event.documentId }),
    ...(event.detail !== undefined && { detail: event.detail }),
  };
}

export function auditCaseWork(session: OpenSession, event: CaseAuditEvent): Promise<void> {
  return auditAs(session, toAuditEvent(event));
}

/** One read entry per opening of what `event` names (undefined until the record is loaded). */
export function useViewAudit(session: OpenSession, event: CaseAuditEvent | undefined): ViewAuditState {
  return useAuditedView(session, event && toAuditEvent(event));
}

export const documentRef = (collection: string, id: string): string => `${collection}:${id}`;
