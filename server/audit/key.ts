// The audit key (see chain.ts): read once at start from a file that must live outside
// the data folder, since the seals protect the log from whoever can edit that folder.
import { createSecretKey, randomBytes } from 'node:crypto';
import { openSync, readFileSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { format, serverMessages } from '../../shared/index';
import { ConfigError } from '../config/resolve';
import type { ServerConfig } from '../config/schema';
import type { AuditKey } from './chain';

const m = serverMessages.audit.key;
const minimumBytes = 32;

/** Whether `file` is `folder` or lies inside it. */
function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Reads the key; a missing, short or misplaced file stops the start naming the setting. */
export function loadAuditKey(file: string, dataDir: string | undefined): AuditKey {
  if (dataDir !== undefined && isInside(path.resolve(file), path.resolve(dataDir))) {
    throw new ConfigError('auditKeyFile', file, format(m.insideData, { file, dataDir }));
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new ConfigError('auditKeyFile', file, format(m.unreadable, { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
  }
  // A text editor that adds a final newline must not change the key.
  const key = Buffer.from(bytes.toString('latin1').trimEnd(), 'latin1');
  if (key.length < minimumBytes) throw new ConfigError('auditKeyFile', file, format(m.tooShort, { file, bytes: key.length }));
  return createSecretKey(new Uint8Array(key));
}

/** The key the settings name, if any (the data folder matters only on the embedded store). */
export function configuredAuditKey(config: ServerConfig): AuditKey | undefined {
  if (config.auditKeyFile === undefined) return undefined;
  return loadAuditKey(config.auditKeyFile, config.storage.kind === 'embedded' ? config.dataDir : undefined);
}

/** Writes a new random key (64 hex digits) readable by its owner only; never overwrites. */
export function createAuditKeyFile(file: string): void {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ConfigError('auditKeyFile', file, format(m.exists, { file }));
    throw new ConfigError('auditKeyFile', file, format(m.uncreatable, { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
  }
  try {
    writeSync(fd, `${randomBytes(32).toString('hex')}\n`);
  } finally {
    closeSync(fd);
  }
}
