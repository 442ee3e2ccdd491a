// What the audit-log tamper tests share: IT's verify command, and a copy of a stopped
// server's data folder edited straight in LevelDB, as an intruder would.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PouchDB from 'pouchdb-node';

export const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export type RawDatabase = PouchDB.Database<Record<string, unknown>>;

/** A repository script run as IT runs it (`npm run …`), with its exit code and output. */
export function runScript(script: string, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', script, ...args], { cwd: repository }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** `npm run audit:verify -- --data DIR [more flags]`. */
export const verifyCli = (dataDir: string, flags: readonly string[] = []) => runScript('server/audit/verify-cli.ts', ['--data', dataDir, ...flags]);

/** A copy of `original` (a stopped server's data folder) after `edit` of its audit log and server_meta; the caller removes it. */
export async function tamperedCopy(original: string, edit: (audit: RawDatabase, meta: RawDatabase) => Promise<void>): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kizuna-tamper-'));
  cpSync(original, dir, { recursive: true });
  const audit = new PouchDB<Record<string, unknown>>(path.join(dir, 'db', 'audit'));
  const meta = new PouchDB<Record<string, unknown>>(path.join(dir, 'db', 'server_meta'));
  try {
    await edit(audit, meta);
  } finally {
    await audit.close();
    await meta.close();
  }
  return dir;
}

/** The content of a stored document, without PouchDB's `_id` and `_rev`. */
export const content = (doc: Record<string, unknown>) => Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_')));
