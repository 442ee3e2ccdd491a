import { useEffect, useState } from 'react';
import type { Person } from '../../../shared/index';
import type { OpenSession } from '../../session/session-service';
import { recordAudit } from '../../store/audit';

export const ledgerMenu = 'ledger';

export type AuditState = 'pending' | 'recorded' | 'failed';

/**
 * Each open of a person's ledger is one audit entry, written to the local store (and
 * uploaded by the sync). The screen shows the ledger only once the entry is stored, so
 * no read goes unrecorded even when the write fails.
 */
export function useLedgerOpenAudit(session: OpenSession, person: Person | undefined): AuditState {
  const [audited, setAudited] = useState<{ personId: string; state: AuditState } | undefined>();
  const personId = person?.id;
  const centerId = person?.centerId;
  useEffect(() => {
    if (personId === undefined || centerId === undefined) return;
    let current = true;
    setAudited({ personId, state: 'pending' });
    recordAudit(
      session.db,
      { userId: session.userId, deviceId: session.deviceId, online: session.online },
      { menu: ledgerMenu, operation: 'read', centerId, targetPersonId: personId, targetDocumentId: `persons:${personId}` },
    ).then(
      () => current && setAudited({ personId, state: 'recorded' }),
      (error: unknown) => {
        console.error('audit entry not written', error);
        if (current) setAudited({ personId, state: 'failed' });
      },
    );
    return () => {
      current = false;
    };
    // One entry per open of a person, not per change the sync makes to them while open.
  }, [personId, centerId, session]);
  return audited !== undefined && audited.personId === personId ? audited.state : 'pending';
}
