import type { FromSchema } from 'json-schema-to-ts';
import { centerIdProperty, idProperty, isoDateTime, shortText } from './common';

/**
 * A sync conflict a person resolves: two offline edits changed the same fields, the
 * server kept one, and this record keeps the other so that no edit is lost
 * (DESIGN.md decision 3).
 */
export const conflictSchema = {
  title: 'conflict',
  description: 'an edit that lost an overlapping concurrent edit, kept until a person resolves it',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idProperty,
    /** The replicated collection of the document (not `collection`: RxDB reserves it on documents). */
    collectionName: { type: 'string', maxLength: 40 },
    documentId: idProperty,
    personId: idProperty,
    centerId: centerIdProperty,
    /** The top-level fields both edits changed. */
    fields: { type: 'array', maxItems: 100, items: { type: 'string', maxLength: 60 } },
    /** The document as the losing edit wanted it. */
    losingVersion: { type: 'object' },
    /** The document as the server kept it when the conflict arose. */
    winningVersion: { type: 'object' },
    createdAt: isoDateTime,
    createdBy: { type: 'string', maxLength: 40 }, // whose edit lost
    deviceId: { type: 'string', maxLength: 120 },
    resolvedAt: isoDateTime,
    resolvedBy: { type: 'string', maxLength: 40 },
    resolution: { type: 'string', enum: ['keptServer', 'appliedLosing', 'merged'] },
    note: shortText,
    updatedAt: isoDateTime,
  },
  required: ['id', 'collectionName', 'documentId', 'centerId', 'fields', 'losingVersion', 'createdAt', 'createdBy', 'updatedAt'],
  indexes: ['documentId'],
  encrypted: ['losingVersion', 'winningVersion'],
} as const;

export type Conflict = FromSchema<typeof conflictSchema>;
