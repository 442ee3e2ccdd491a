import { useEffect, useState } from 'react';
import type { AuditOperation } from '../../../shared/index';
import type { OpenSession } from '../../session/session-service';
import { recordAudit } from '../../store/audit';

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

export function auditIssue(session: OpenSession, event: IssueAuditEvent): Promise<void> {
  return recordAudit(
    session.db,
    { userId: session.userId, deviceId: session.deviceId, online: session.online },
    {
      menu: syncIssuesMenu,
      operation: event.operation,
      targetDocumentId: event.documentId,
      ...(event.centerId !== undefined && { centerId: event.centerId }),
      ...(event.personId !== undefined && { targetPersonId: event.personId }),
      ...(event.detail !== undefined && { detail: event.detail.slice(0, 200) }),
    },
  );
}

export type ViewAudit = 'pending' | 'recorded' | 'failed';

/** One read entry per opening of what `event` names; the screen shows the content once it is stored. */
export function useIssueViewAudit(session: OpenSession, event: IssueAuditEvent | undefined): ViewAudit {
  const key = event ? JSON.stringify(event) : undefined;
  const [state, setState] = useState<{ key: string; state: ViewAudit } | undefined>();
  useEffect(() => {
    if (key === undefined) return;
    let current = true;
    auditIssue(session, JSON.parse(key) as IssueAuditEvent).then(
      () => current && setState({ key, state: 'recorded' }),
      (error: unknown) => {
        console.error('audit entry not written', error);
        if (current) setState({ key, state: 'failed' });
      },
    );
    return () => {
      current = false;
    };
  }, [key, session]);
  return state !== undefined && state.key === key ? state.state : 'pending';
}
