import type { AuditOperation } from '../../../shared/index';
import { auditAs, useAuditedView, type ViewAuditState } from '../../session/audit';
import type { OpenSession } from '../../session/session-service';
import type { AuditEvent } from '../../store/audit';

// A conflict or a refused change shows a record's content: opening one is a read of that
// record and is audited like any other (DESIGN.md decision 5); resolving or discarding
// is audited as what it does to the record. Entries go to the local log the sync uploads.

export const syncIssuesMenu = 'syncIssues';

export interface IssueAuditEvent {
  operation: AuditOperation;
  centerId?: string | undefined;
  personId?: string | undefined;
  /** `<collection>:<id>` of the record, as the server's entries name documents. */
  documentId: string;
  detail?: string;
}

function toAuditEvent(event: IssueAuditEvent): AuditEvent {
  return {
    menu: syncIssuesMenu,
    operation: event.operation,
    targetDocumentId: event.documentId,
    ...(event.centerId !== undefined && { centerId: event.centerId }),
    ...(event.personId !== undefined && { targetPersonId: event.personId }),
    ...(event.detail !== undefined && { detail: event.detail }),
  };
}

export function auditIssue(session: OpenSession, event: IssueAuditEvent): Promise<void> {
  return auditAs(session, toAuditEvent(event));
}

/** One read entry per opening of what `event` names; the screen shows the content once it is stored. */
export function useIssueViewAudit(session: OpenSession, event: IssueAuditEvent | undefined): ViewAuditState {
  return useAuditedView(session, event && toAuditEvent(event));
}
