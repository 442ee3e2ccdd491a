// The command line's view of the settings: an optional JSON file, then flags on top
// (flags win), then the same validation as every other way in.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { format, serverMessages } from '../../shared/index';
import { ConfigError, resolveConfig } from './resolve';
import type { ServerConfig } from './schema';

const messages = serverMessages.config;

const flagOptions = {
  config: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  demo: { type: 'boolean' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  'audit-key': { type: 'string' },
  'couchdb-url': { type: 'string' },
  'couchdb-user': { type: 'string' },
  'couchdb-prefix': { type: 'string' },
} as const;

type Json = Record<string, unknown>;

function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: flagOptions, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const text = (error as Error).message;
    const flag = /'(--?[^'\s]+)/.exec(text)?.[1] ?? text;
    const code = (error as { code?: string }).code;
    const template = code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? messages.missingValue : messages.unknownFlag;
    throw new ConfigError(flag, undefined, format(template, { flag }));
  }
}

function readConfigFile(file: string): Json {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError('config', file, format(messages.fileUnreadable, { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError('config', file, format(messages.fileNotJson, { file, reason: (error as Error).message }));
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError('config', file, format(messages.fileNotJson, { file, reason: 'not an object' }));
  }
  return parsed as Json;
}

/** Paths in a file are relative to the file, so a config folder can be moved whole. */
function absolutePaths(values: Json, baseDir: string): Json {
  const out: Json = { ...values };
  for (const key of ['dataDir', 'clientDir']) {
    if (typeof out[key] === 'string') out[key] = path.resolve(baseDir, out[key]);
  }
  const tls = out.tls;
  if (tls && typeof tls === 'object' && !Array.isArray(tls)) {
    const t = { ...(tls as Json) };
    for (const key of ['certFile', 'keyFile']) if (typeof t[key] === 'string') t[key] = path.resolve(baseDir, t[key]);
    out.tls = t;
  }
  return out;
}

/** `8080` → 8080, anything else stays as typed, so the validator can name it. */
const numberOrText = (text: string): number | string => (/^\d+$/.test(text) ? Number(text) : text);

export function loadConfig(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  const flags = parseFlags(argv);
  let values: Json = {};
  if (flags.config !== undefined) {
    const file = path.resolve(cwd, flags.config);
    values = absolutePaths(readConfigFile(file), path.dirname(file));
  }
  if (flags.port !== undefined) values.port = numberOrText(flags.port);
  if (flags.host !== undefined) values.host = flags.host;
  if (flags.data !== undefined) values.dataDir = path.resolve(cwd, flags.data);
  if (flags.demo) values.demo = true;
  if (flags['audit-key'] !== undefined) values.auditKeyFile = path.resolve(cwd, flags['audit-key']);
  if (flags['tls-cert'] !== undefined || flags['tls-key'] !== undefined) {
    const tls = (values.tls && typeof values.tls === 'object' ? values.tls : {}) as Json;
    values.tls = {
      ...tls,
      ...(flags['tls-cert'] !== undefined ? { certFile: path.resolve(cwd, flags['tls-cert']) } : {}),
      ...(flags['tls-key'] !== undefined ? { keyFile: path.resolve(cwd, flags['tls-key']) } : {}),
    };
  }
  if (flags['couchdb-url'] !== undefined) {
    const storage = (values.storage && typeof values.storage === 'object' ? values.storage : {}) as Json;
    values.storage = { ...storage, kind: 'couchdb', url: flags['couchdb-url'] };
  }
  if (flags['couchdb-user'] !== undefined || flags['couchdb-prefix'] !== undefined) {
    // Without a CouchDB URL these land on the embedded engine, whose validation names them.
    const storage = (values.storage && typeof values.storage === 'object' ? values.storage : { kind: 'embedded' }) as Json;
    values.storage = {
      ...storage,
      ...(flags['couchdb-user'] !== undefined ? { username: flags['couchdb-user'] } : {}),
      ...(flags['couchdb-prefix'] !== undefined ? { prefix: flags['couchdb-prefix'] } : {}),
    };
  }
  const storage = values.storage as Json | undefined;
  // A password belongs in the environment (or the file), never in a process listing.
  if (storage?.kind === 'couchdb' && env.KIZUNA_COUCHDB_PASSWORD) storage.password = env.KIZUNA_COUCHDB_PASSWORD;
  return resolveConfig(values, { baseDir: cwd });
}
