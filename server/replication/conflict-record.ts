// The conflict record a lost overlap leaves (shared/schemas/conflict.ts): the client's
// version as it wanted it, next to what the server kept, for a person to resolve. Its id
// derives from the losing version, so a push retried after a lost answer stores it once.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Conflict } from '../../shared/index';
import { contentOf } from './wire';

export interface ConflictInput {
  collection: string;
  documentId: string;
  personId?: string;
  centerId: string;
  fields: readonly string[];
  losing: Readonly<Record<string, unknown>>;
  winning: Readonly<Record<string, unknown>>;
  userId: string;
  deviceId?: string;
  now: number;
}

export function conflictRecord(input: ConflictInput): Conflict {
  const losingVersion = contentOf(input.losing);
  const digest = createHash('sha256')
    .update(canonicalize({ collection: input.collection, documentId: input.documentId, losingVersion, deleted: input.losing._deleted === true }) ?? '')
    .digest('hex');
  const at = new Date(input.now).toISOString();
  return {
    id: `conflict-${digest.slice(0, 40)}`,
    collectionName: input.collection,
    documentId: input.documentId,
    ...(input.personId !== undefined ? { personId: input.personId } : {}),
    centerId: input.centerId,
    fields: [...input.fields].slice(0, 100),
    losingVersion,
    winningVersion: contentOf(input.winning),
    createdAt: at,
    createdBy: input.userId.slice(0, 40),
    ...(input.deviceId !== undefined ? { deviceId: input.deviceId.slice(0, 120) } : {}),
    updatedAt: at,
  };
}
