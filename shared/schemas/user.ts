import type { FromSchema } from 'json-schema-to-ts';
import { permissions, roles } from '../access/permissions';
import { centerIdProperty, isoDateTime } from './common';

export const userIdPattern = '^[a-z0-9][a-z0-9._-]{2,31}$';

/** A user ID as the server stores it (never sent to clients with its password hash). */
export const userSchema = {
  title: 'user',
  description: 'a user ID with its center scope and function permissions',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 3, maxLength: 32, pattern: userIdPattern },
    displayName: { type: 'string', minLength: 1, maxLength: 100 },
    /** The preset the permissions started from; informative only. */
    role: { type: 'string', enum: roles },
    /** Every center, including ones added later. */
    allCenters: { type: 'boolean' },
    centers: { type: 'array', maxItems: 100, uniqueItems: true, items: centerIdProperty },
    permissions: { type: 'array', maxItems: 50, uniqueItems: true, items: { type: 'string', enum: permissions } },
    /** scrypt: `scrypt$N$r$p$salt$hash` (base64). */
    passwordHash: { type: 'string', maxLength: 300 },
    passwordChangedAt: isoDateTime,
    disabled: { type: 'boolean' },
    /** Recent failed logins, for the lockout window. */
    failedLogins: { type: 'array', maxItems: 50, items: isoDateTime },
    lockedUntil: isoDateTime,
    /** Created by --demo; its demo password is refused outside demo mode. */
    demo: { type: 'boolean' },
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  },
  required: ['id', 'displayName', 'role', 'allCenters', 'centers', 'permissions', 'passwordHash', 'disabled', 'createdAt', 'updatedAt'],
} as const;

export type User = FromSchema<typeof userSchema>;
/** What clients may see of a user. */
export type PublicUser = Omit<User, 'passwordHash' | 'failedLogins'>;
