import { useEffect, useState } from 'react';
import type { AuditOperation } from '../../../shared/index';
import type { OpenSession } from '../../session/session-service';
import { recordAudit } from '../../store/audit';

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

export function auditCaseWork(session: OpenSession, event: CaseAuditEvent): Promise<void> {
  return recordAudit(
    session.db,
    { userId: session.userId, deviceId: session.deviceId, online: session.online },
    {
      menu: event.menu,
      operation: event.operation,
      ...(event.centerId !== undefined && { centerId: event.centerId }),
      ...(event.personId !== undefined && { targetPersonId: event.personId }),
      ...(event.documentId !== undefined && { targetDocumentId: event.documentId }),
      ...(event.detail !== undefined && { detail: event.detail.slice(0, 200) }),
    },
  );
}

export type ViewAuditState = 'pending' | 'recorded' | 'failed';

/**
 * One read entry per opening of what `event` names (undefined until the record is
 * loaded); 'recorded' once it is stored. Changes the sync makes while the screen is open
 * are not new reads.
 */
export function useViewAudit(session: OpenSession, event: CaseAuditEvent | undefined): ViewAuditState {
  const key = event ? JSON.stringify(event) : undefined;
  const [state, setState] = useState<{ key: string; state: ViewAuditState } | undefined>();
  useEffect(() => {
    if (key === undefined) return;
    let current = true;
    setState({ key, state: 'pending' });
    auditCaseWork(session, JSON.parse(key) as CaseAuditEvent).then(
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

export const documentRef = (collection: string, id: string): string => `${collection}:${id}`;
