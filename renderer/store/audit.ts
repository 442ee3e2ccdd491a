import type { AuditOperation, AuditResult } from '../../shared/index';
import type { ClientDatabase } from './database';

// Every read of a person's record and every write is audited (DESIGN.md decision 5). On
// the device the entry goes into the local auditEntries collection at once, online or
// not; the sync uploads it and the server appends it to the hash chain.

export interface AuditActor {
  userId: string;
  deviceId: string;
  /** False after an offline unlock: the entry was made without the server. */
  online: boolean;
}

export interface AuditEvent {
  menu: string;
  operation: AuditOperation;
  result?: AuditResult;
  centerId?: string;
  targetPersonId?: string;
  targetDocumentId?: string;
  detail?: string;
}

export async function recordAudit(db: ClientDatabase, actor: AuditActor, event: AuditEvent, now: Date = new Date()): Promise<void> {
  await db.auditEntries.insert({
    id: `${actor.deviceId}:${globalThis.crypto.randomUUID()}`,
    at: now.toISOString(),
    userId: actor.userId,
    deviceId: actor.deviceId,
    menu: event.menu,
    operation: event.operation,
    result: event.result ?? 'success',
    offline: !actor.online,
    ...(event.centerId !== undefined && { centerId: event.centerId }),
    ...(event.targetPersonId !== undefined && { targetPersonId: event.targetPersonId }),
    ...(event.targetDocumentId !== undefined && { targetDocumentId: event.targetDocumentId }),
    ...(event.detail !== undefined && { detail: event.detail }),
  });
}
