// Turns what the operator wrote (file, flags, or a test's object) into ServerConfig, or
// stops with a message that names the key and the value, so IT can fix the right line.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import { format, serverMessages } from '../../shared/index';
import { configDefaults, configSchema, type ConfigInput, type ServerConfig } from './schema';

export class ConfigError extends Error {
  constructor(
    readonly key: string,
    readonly value: unknown,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

const messages = serverMessages.config;
const ajv = new Ajv({ allErrors: false, verbose: true, strict: true, discriminator: true });
const validate = ajv.compile<ConfigInput>(configSchema);

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Shows a value the way the operator wrote it (JSON), never a secret. */
function show(key: string, value: unknown): string {
  if (key.split('.').pop() === 'password') return messages.hiddenValue;
  return value === undefined ? messages.noValue : JSON.stringify(value);
}

function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const segment of pointer.split('/').filter(Boolean)) {
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return node;
}

function expected(error: ErrorObject): string {
  const schema = (error.parentSchema ?? {}) as Record<string, unknown>;
  if (error.keyword === 'required') return messages.expectedPresent;
  if (error.keyword === 'const' || error.keyword === 'enum' || error.keyword === 'discriminator') {
    const values = error.keyword === 'discriminator' ? ['embedded', 'couchdb'] : schema.enum ?? [schema.const];
    return format(messages.expectedOneOf, { values: (values as unknown[]).map((v) => JSON.stringify(v)).join('、') });
  }
  if (schema.type === 'integer') return format(messages.expectedInteger, { min: String(schema.minimum), max: String(schema.maximum) });
  if (schema.type === 'boolean') return messages.expectedBoolean;
  if (schema.type === 'object') return messages.expectedObject;
  if (typeof schema.pattern === 'string') return format(messages.expectedPattern, { pattern: schema.pattern });
  return messages.expectedString;
}

function errorFor(input: unknown, error: ErrorObject): ConfigError {
  const params = error.params as Record<string, unknown>;
  let pointer = error.instancePath;
  if (error.keyword === 'additionalProperties') {
    const key = [...pointer.split('/').filter(Boolean), String(params.additionalProperty)].join('.');
    return new ConfigError(key, undefined, format(messages.unknownKey, { key }));
  }
  if (error.keyword === 'required') pointer = `${pointer}/${String(params.missingProperty)}`;
  if (error.keyword === 'discriminator') pointer = `${pointer}/${String(params.tag)}`;
  const key = pointer.split('/').filter(Boolean).join('.');
  const value = valueAt(input, pointer);
  return new ConfigError(key, value, format(messages.invalidValue, { key, value: show(key, value), expected: expected(error) }));
}

export interface ResolveOptions {
  /** Relative paths in the input are taken from here (the config file's folder, or cwd). */
  baseDir?: string;
}

/** Validates `input` and fills in the defaults; throws ConfigError naming the first bad key. */
export function resolveConfig(input: unknown, options: ResolveOptions = {}): ServerConfig {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ConfigError('', input, format(messages.invalidValue, { key: messages.wholeConfig, value: show('', input), expected: messages.expectedObject }));
  }
  // A resolved config carries its data folder on the embedded storage too; resolving it
  // again (a test that spreads a config) must give the same result.
  const storageIn = (input as { storage?: unknown }).storage;
  if (storageIn && typeof storageIn === 'object' && (storageIn as { kind?: unknown }).kind === 'embedded') {
    input = { ...input, storage: { kind: 'embedded' } };
  }
  if (!validate(input)) {
    const first = validate.errors?.[0];
    throw first ? errorFor(input, first) : new ConfigError('', input, 'invalid configuration');
  }
  const given = input;
  const baseDir = options.baseDir ?? process.cwd();
  const scrypt = { ...configDefaults.scrypt, ...given.scrypt };
  // scrypt's cost must be a power of two; a schema cannot say so.
  if ((scrypt.cost & (scrypt.cost - 1)) !== 0) {
    throw new ConfigError('scrypt.cost', scrypt.cost, format(messages.invalidValue, { key: 'scrypt.cost', value: show('scrypt.cost', scrypt.cost), expected: messages.expectedPowerOfTwo }));
  }
  const demo = given.demo ?? false;
  const dataDir = path.resolve(baseDir, given.dataDir ?? configDefaults.dataDir);
  const storage = given.storage?.kind === 'couchdb' ? { ...given.storage } : { kind: 'embedded' as const, dataDir };
  return {
    host: given.host ?? configDefaults.host,
    port: given.port ?? configDefaults.port,
    dataDir,
    ...(given.auditKeyFile !== undefined ? { auditKeyFile: path.resolve(baseDir, given.auditKeyFile) } : {}),
    ...(given.tls ? { tls: { certFile: path.resolve(baseDir, given.tls.certFile), keyFile: path.resolve(baseDir, given.tls.keyFile) } } : {}),
    storage,
    sessionLifetimeMinutes: given.sessionLifetimeMinutes ?? configDefaults.sessionLifetimeMinutes,
    lockout: { ...configDefaults.lockout, ...given.lockout },
    passwordMinLength: given.passwordMinLength ?? configDefaults.passwordMinLength,
    offlineLeaseDays: given.offlineLeaseDays ?? configDefaults.offlineLeaseDays,
    // A demo is tried on machines nobody registered; production refuses them.
    requireRegisteredDevice: given.requireRegisteredDevice ?? !demo,
    demo,
    loginRateLimit: { ...configDefaults.loginRateLimit, ...given.loginRateLimit },
    jsonBodyLimitKb: given.jsonBodyLimitKb ?? configDefaults.jsonBodyLimitKb,
    scrypt,
    clientDir: path.resolve(baseDir, given.clientDir ?? path.join(repositoryRoot, 'renderer/dist')),
    allowedOrigins: [...(given.allowedOrigins ?? configDefaults.allowedOrigins)],
  };
}
