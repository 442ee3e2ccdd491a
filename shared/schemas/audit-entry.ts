import type { FromSchema } from 'json-schema-to-ts';
import { idProperty, isoDateTime, shortText } from './common';

export const auditOperations = [
  'login',
  'logout',
  'read',
  'search',
  'create',
  'update',
  'delete',
  'export',
  'print',
  'sync',
  'admin',
] as const;
export const auditResults = ['success', 'failure', 'denied'] as const;

/**
 * アクセスログ. Clients record entries (offline too) without seq or hashes; the server
 * assigns `seq` and chains each entry to the previous one when it appends it, so the
 * chain covers offline entries as well (DESIGN.md decision 5).
 */
export const auditEntrySchema = {
  title: 'auditEntry',
  description: 'one audited access: who did what to which record, when, from where, with what result',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idProperty,
    /** Position in the server's chain, from 1; absent until the server appends it. */
    seq: { type: 'integer', minimum: 1, maximum: 9007199254740991 },
    at: isoDateTime, // when it happened (UTC), on the device that did it
    recordedAt: isoDateTime, // when the server appended it
    userId: { type: 'string', maxLength: 40 },
    deviceId: { type: 'string', maxLength: 120 },
    /** The center the target belongs to (or the user's center for non-person targets). */
    centerId: { type: 'string', maxLength: 8 },
    menu: { type: 'string', maxLength: 80 }, // screen or API
    operation: { type: 'string', enum: auditOperations },
    targetPersonId: { type: 'string', maxLength: 120 },
    targetDocumentId: { type: 'string', maxLength: 120 },
    result: { type: 'string', enum: auditResults },
    requestId: { type: 'string', maxLength: 80 },
    offline: { type: 'boolean' },
    detail: shortText,
    prevHash: { type: 'string', maxLength: 64, pattern: '^[0-9a-f]{64}$' },
    hash: { type: 'string', maxLength: 64, pattern: '^[0-9a-f]{64}$' },
  },
  required: ['id', 'at', 'userId', 'menu', 'operation', 'result'],
  indexes: ['at'],
} as const;

export type AuditEntry = FromSchema<typeof auditEntrySchema>;
export type AuditOperation = (typeof auditOperations)[number];
export type AuditResult = (typeof auditResults)[number];

export const auditIdProperty = idProperty;
