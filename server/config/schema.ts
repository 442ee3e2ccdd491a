// The server's settings: one JSON schema for the file, the flags and startServer()
// alike, so a bad value is caught the same way wherever it came from.
import type { FromSchema } from 'json-schema-to-ts';
import type { StorageConfig } from '../storage/index';

const positiveInt = (maximum: number) => ({ type: 'integer', minimum: 1, maximum }) as const;

export const configSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    host: { type: 'string', minLength: 1, maxLength: 255 },
    /** 0 asks the OS for a free port (tests). */
    port: { type: 'integer', minimum: 0, maximum: 65535 },
    dataDir: { type: 'string', minLength: 1 },
    /** The audit key (server/audit/key.ts); outside the data folder. */
    auditKeyFile: { type: 'string', minLength: 1 },
    /** With both files set the server speaks HTTPS only. */
    tls: {
      type: 'object',
      additionalProperties: false,
      properties: { certFile: { type: 'string', minLength: 1 }, keyFile: { type: 'string', minLength: 1 } },
      required: ['certFile', 'keyFile'],
    },
    storage: {
      type: 'object',
      discriminator: { propertyName: 'kind' },
      properties: { kind: { type: 'string', enum: ['embedded', 'couchdb'] } },
      required: ['kind'],
      oneOf: [
        { type: 'object', additionalProperties: false, properties: { kind: { const: 'embedded' } }, required: ['kind'] },
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            kind: { const: 'couchdb' },
            url: { type: 'string', pattern: '^https?://[^\\s]+$' },
            username: { type: 'string', minLength: 1 },
            password: { type: 'string', minLength: 1 },
            /** Several cities on one cluster: each city's database names start with it, separator included (`hikarino_`). */
            prefix: { type: 'string', pattern: '^[a-z][a-z0-9_-]*$', maxLength: 40 },
          },
          required: ['kind', 'url'],
        },
      ],
    },
    sessionLifetimeMinutes: positiveInt(7 * 24 * 60),
    lockout: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxFailures: positiveInt(100),
        windowMinutes: positiveInt(24 * 60),
        durationMinutes: positiveInt(7 * 24 * 60),
      },
    },
    passwordMinLength: { type: 'integer', minimum: 8, maximum: 128 },
    /** How long a device may work offline before it locks its local data (DESIGN.md 4). */
    offlineLeaseDays: positiveInt(90),
    requireRegisteredDevice: { type: 'boolean' },
    demo: { type: 'boolean' },
    loginRateLimit: {
      type: 'object',
      additionalProperties: false,
      properties: { windowSeconds: positiveInt(3600), max: positiveInt(10_000) },
    },
    /** Default JSON body limit; a route module may set its own. */
    jsonBodyLimitKb: positiveInt(100 * 1024),
    /** scrypt work factors; tests lower the cost, production keeps the default. */
    scrypt: {
      type: 'object',
      additionalProperties: false,
      properties: {
        cost: { type: 'integer', minimum: 2, maximum: 1_048_576 },
        blockSize: positiveInt(64),
        parallelization: positiveInt(16),
      },
    },
    /** The built client (renderer/dist), served when the folder exists. */
    clientDir: { type: 'string', minLength: 1 },
    /** Other origins allowed to call the API (the desktop app's own protocol). */
    allowedOrigins: { type: 'array', maxItems: 20, uniqueItems: true, items: { type: 'string', pattern: '^[a-z][a-z0-9+.-]*://[^\\s/]+$' } },
  },
} as const;

export type ConfigInput = FromSchema<typeof configSchema>;

export type { StorageConfig };

/** The validated settings, every default filled in and every path absolute. */
export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  tls?: { certFile: string; keyFile: string };
  auditKeyFile?: string;
  storage: StorageConfig;
  sessionLifetimeMinutes: number;
  lockout: { maxFailures: number; windowMinutes: number; durationMinutes: number };
  passwordMinLength: number;
  offlineLeaseDays: number;
  requireRegisteredDevice: boolean;
  demo: boolean;
  loginRateLimit: { windowSeconds: number; max: number };
  jsonBodyLimitKb: number;
  scrypt: { cost: number; blockSize: number; parallelization: number };
  clientDir: string;
  allowedOrigins: string[];
}

export const configDefaults = {
  host: '0.0.0.0',
  port: 8080,
  dataDir: './data',
  sessionLifetimeMinutes: 8 * 60,
  lockout: { maxFailures: 5, windowMinutes: 15, durationMinutes: 15 },
  passwordMinLength: 10,
  offlineLeaseDays: 14,
  loginRateLimit: { windowSeconds: 60, max: 30 },
  jsonBodyLimitKb: 1024,
  scrypt: { cost: 16_384, blockSize: 8, parallelization: 1 },
  allowedOrigins: ['kizuna://app'],
} as const;
