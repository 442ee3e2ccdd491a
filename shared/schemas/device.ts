import type { FromSchema } from 'json-schema-to-ts';
import { centerIdProperty, isoDateTime } from './common';

/** 端末: a registered PC or tablet. A revoked device's token stops working at once. */
export const deviceSchema = {
  title: 'device',
  description: 'a registered PC or tablet',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 120 },
    name: { type: 'string', minLength: 1, maxLength: 100 },
    kind: { type: 'string', enum: ['pc', 'tablet'] },
    centerId: centerIdProperty,
    /** SHA-256 of the device token; the token itself is shown once, at registration. */
    tokenHash: { type: 'string', maxLength: 64, pattern: '^[0-9a-f]{64}$' },
    registeredAt: isoDateTime,
    registeredBy: { type: 'string', maxLength: 40 },
    revokedAt: isoDateTime,
    revokedBy: { type: 'string', maxLength: 40 },
    lastSeenAt: isoDateTime,
    lastSyncAt: isoDateTime,
  },
  required: ['id', 'name', 'kind', 'tokenHash', 'registeredAt', 'registeredBy'],
} as const;

export type Device = FromSchema<typeof deviceSchema>;
