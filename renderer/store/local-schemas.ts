import type { FromSchema } from 'json-schema-to-ts';
import { centerIdProperty, idProperty, isoDateTime, shortText } from '../../shared/schemas/common';

// Collections that live only on this device and never replicate. They take two of the
// four slots RxDB leaves after the twelve replicated collections.

/** Work in progress (a consultation being written on a tablet) that must survive closing the app. */
export const draftSchema = {
  title: 'draft',
  description: 'an unsaved form kept on this device until it is saved or discarded',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idProperty,
    /** The form: a collection name or a screen key (e.g. `consultations`). */
    kind: { type: 'string', maxLength: 40 },
    personId: idProperty,
    centerId: centerIdProperty,
    /** The form's values as the user left them. */
    data: { type: 'object' },
    userId: { type: 'string', maxLength: 40 },
    updatedAt: isoDateTime,
  },
  required: ['id', 'kind', 'data', 'userId', 'updatedAt'],
  indexes: ['updatedAt'],
  encrypted: ['data'],
} as const;

/**
 * A pushed change the server refused (out of scope, not permitted, invalid). The sync
 * records it here with the server's reason so that the user sees it and decides what to
 * do, instead of the push being retried forever.
 */
export const rejectionSchema = {
  title: 'rejection',
  description: 'a local change the server rejected, kept until the user deals with it',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idProperty,
    /** The replicated collection (not `collection`: RxDB reserves it on documents). */
    collectionName: { type: 'string', maxLength: 40 },
    documentId: idProperty,
    personId: idProperty,
    centerId: centerIdProperty,
    /** Machine-readable reason from the server (e.g. `outOfScope`, `invalid`). */
    reason: { type: 'string', maxLength: 40 },
    /** The server's message for the user, in Japanese. */
    message: shortText,
    /** The document as this device tried to write it. */
    document: { type: 'object' },
    rejectedAt: isoDateTime,
    resolvedAt: isoDateTime,
  },
  required: ['id', 'collectionName', 'documentId', 'reason', 'document', 'rejectedAt'],
  indexes: ['rejectedAt'],
  encrypted: ['document', 'message'],
} as const;

export type Draft = FromSchema<typeof draftSchema>;
export type Rejection = FromSchema<typeof rejectionSchema>;

export const localCollections = {
  drafts: { schema: draftSchema },
  rejections: { schema: rejectionSchema },
} as const;

export type LocalCollectionName = keyof typeof localCollections;
