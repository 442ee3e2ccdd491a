// The hash chain alone falls to someone who edits the data folder and recomputes every
// hash after their change. With an audit key kept outside the folder, entries and the
// anchor carry seals nobody without the key can make: `npm run audit:verify` names the
// first entry rewritten that way, and the server refuses to write a sealed log without
// its key or with another one.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type PouchDB from 'pouchdb-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditDocumentId, entryHash } from '../../../server/audit/chain';
import { startServer } from '../../../server/app';
import { seedPersons, startTestServer, testPerson } from '../../support/server';
import { content, runScript, tamperedCopy as copyOf, verifyCli as verify, type RawDatabase } from './audit-support';

const secrets = mkdtempSync(path.join(tmpdir(), 'kizuna-secrets-'));
const keyFile = path.join(secrets, 'audit.key');
let original: string;
const folders: string[] = [secrets];

type Doc = Record<string, unknown> & { _id: string; _rev?: string };

/** `npm run audit:verify -- --data DIR [--audit-key FILE]`, as IT runs it. */
const verifyCli = (dataDir: string, key: string | undefined = keyFile) => verify(dataDir, key ? ['--audit-key', key] : []);

/** Edits a copy of the stopped server's folder straight in LevelDB, as an intruder would. */
async function tamperedCopy(edit: (audit: RawDatabase, meta: RawDatabase) => Promise<void>): Promise<string> {
  const dir = await copyOf(original, edit);
  folders.push(dir);
  return dir;
}

/**
 * What someone without the key can do best: change entry `from`, recompute every hash
 * after it and move the anchor to the new end (its seal they cannot remake).
 */
async function rewriteFrom(audit: RawDatabase, meta: RawDatabase, from: number, change: (entry: Record<string, unknown>) => Record<string, unknown>, dropSeals = false): Promise<void> {
  const { rows } = await audit.allDocs({ include_docs: true, startkey: auditDocumentId(1) });
  let prevHash: unknown = undefined;
  let last = { seq: 0, hash: '' };
  for (const row of rows) {
    const doc = row.doc as Doc;
    const seq = doc.seq as number;
    if (seq < from) {
      prevHash = doc.hash;
      continue;
    }
    const { seal, hash: _hash, ...rest } = content(doc);
    const fields = { ...(seq === from ? change(rest) : rest), prevHash };
    const hash = entryHash(fields);
    await audit.put({ ...fields, hash, ...(dropSeals || seal === undefined ? {} : { seal }), _id: doc._id, ...(doc._rev ? { _rev: doc._rev } : {}) });
    prevHash = hash;
    last = { seq, hash };
  }
  const anchor = await meta.get('audit-anchor');
  const { seal, sealedFrom, ...fields } = content(anchor);
  const moved = { ...fields, seq: last.seq, hash: last.hash, ...(dropSeals ? {} : { sealedFrom, seal }) };
  await meta.put({ ...moved, _id: anchor._id, _rev: anchor._rev });
}

let sealedFrom = 0;

beforeAll(async () => {
  // A log that ran for a while without a key…
  const first = await startTestServer();
  original = first.dataDir;
  await seedPersons(first, [testPerson(1, '01')]);
  const before = await first.login('chuo-cm1');
  for (let i = 0; i < 2; i++) await before.get('/api/persons/person-9000000001');
  await first.server.close();
  // …then gets the key IT made with `npm run audit:keygen`.
  const made = await runScript('server/audit/keygen-cli.ts', [keyFile]);
  expect(made.code, made.stderr).toBe(0);
  const keyed = await startTestServer({ dataDir: original, config: { auditKeyFile: keyFile } });
  const client = await keyed.login('chuo-cm1');
  for (let i = 0; i < 3; i++) await client.get('/api/persons/person-9000000001');
  const auditor = await keyed.login('auditor1');
  const verified = await auditor.get<{ ok: boolean; sealed: boolean; entries: number }>('/api/audit/verify');
  expect(verified.body).toMatchObject({ ok: true, sealed: true });
  const entries = await auditor.get<{ items: { seq: number; detail?: string; seal?: string }[] }>('/api/audit?limit=1000');
  const start = entries.body.items.find((e) => e.detail?.startsWith('audit key configured'));
  sealedFrom = start?.seq ?? 0;
  await keyed.server.close();
});
afterAll(() => {
  for (const dir of [original, ...folders]) rmSync(dir, { recursive: true, force: true });
});

describe('an audit log sealed with a key kept outside the data folder', () => {
  it('creates a key of 64 hex digits readable by its owner only, and never overwrites one', async () => {
    expect(readFileSync(keyFile, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    const again = await runScript('server/audit/keygen-cli.ts', [keyFile]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('既にあります');
    const nowhere = await runScript('server/audit/keygen-cli.ts', [path.join(secrets, 'missing', 'audit.key')]);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('を作成できません（ENOENT）');
  });

  it('seals from the first start with the key on, says so in the log, and verifies with the key', async () => {
    expect(sealedFrom).toBeGreaterThan(1);
    const result = await verifyCli(original);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/正常です（\d+ 件）/);
    const withoutKey = await verifyCli(original, '');
    expect(withoutKey.code).toBe(2);
    expect(withoutKey.stderr).toContain('鍵で署名されています');
  });

  it('names the entry someone rewrote with every later hash recomputed', async () => {
    const target = sealedFrom + 2;
    const dir = await tamperedCopy((audit, meta) => rewriteFrom(audit, meta, target, (e) => ({ ...e, userId: 'minami-cm1' })));
    const result = await verifyCli(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`ID ${auditDocumentId(target)}`);
    expect(result.stderr).toContain('署名が監査ログの鍵と一致しません');
  });

  it('sees a rewrite of the entries from before the key at the first sealed entry', async () => {
    const dir = await tamperedCopy((audit, meta) => rewriteFrom(audit, meta, 2, (e) => ({ ...e, targetPersonId: 'person-someone-else' })));
    const result = await verifyCli(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`ID ${auditDocumentId(sealedFrom)}`);
  });

  it('is not fooled by a rewrite that strips every seal to look never sealed', async () => {
    const dir = await tamperedCopy((audit, meta) => rewriteFrom(audit, meta, sealedFrom + 1, (e) => ({ ...e, result: 'success' }), true));
    const result = await verifyCli(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('署名がありません');
  });

  it('sees the last entries cut off with the anchor moved back', async () => {
    const dir = await tamperedCopy(async (audit, meta) => {
      const { rows } = await audit.allDocs({ include_docs: true, startkey: auditDocumentId(1) });
      const kept = rows[rows.length - 3]?.doc as Doc;
      for (const row of rows.slice(-2)) await audit.remove(row.doc as PouchDB.Core.RemoveDocument);
      const anchor = await meta.get('audit-anchor');
      await meta.put({ ...anchor, seq: kept.seq, hash: kept.hash });
    });
    const result = await verifyCli(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('控え');
    expect(result.stderr).toContain('署名が監査ログの鍵と一致しません');
  });

  it('refuses to start on a sealed log without its key, or with another key, or with a key inside the data folder', async () => {
    const dir = await tamperedCopy(async () => undefined);
    const start = (config: Record<string, unknown>) => startServer({ host: '127.0.0.1', port: 0, dataDir: dir, ...config }, { log: () => undefined });
    await expect(start({})).rejects.toThrow(/鍵で署名されています/);
    const other = path.join(secrets, 'other.key');
    writeFileSync(other, 'f'.repeat(64));
    await expect(start({ auditKeyFile: other })).rejects.toThrow(/一致しません/);
    const inside = path.join(dir, 'audit.key');
    cpSync(keyFile, inside);
    await expect(start({ auditKeyFile: inside })).rejects.toThrow(/データフォルダ .* の中にあります/);
    const short = path.join(secrets, 'short.key');
    writeFileSync(short, 'abc\n');
    await expect(start({ auditKeyFile: short })).rejects.toThrow(/短すぎます（3 バイト/);
    // Nothing was written by the refused starts: the log still verifies.
    expect((await verifyCli(dir)).code).toBe(0);
  });
});
