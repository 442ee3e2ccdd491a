// Someone with access to the data folder edits the audit log's LevelDB directly, with
// PouchDB, past the server: `npm run audit:verify` must notice an entry altered,
// removed, inserted or reordered, and name the first bad one; the intact log passes.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PouchDB from 'pouchdb-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditDocumentId, entryHash } from '../../../server/audit/chain';
import { seedPersons, startTestServer, testPerson } from '../../support/server';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let original: string;
const copies: string[] = [];

/** `npm run audit:verify -- --data DIR`, as IT runs it. */
function verifyCli(dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'server/audit/verify-cli.ts', '--data', dataDir], { cwd: repository }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A copy of the stopped server's data folder, and its audit database opened straight with PouchDB. */
async function tamperedCopy(edit: (db: PouchDB.Database<Record<string, unknown>>) => Promise<void>): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kizuna-tamper-'));
  copies.push(dir);
  cpSync(original, dir, { recursive: true });
  const db = new PouchDB<Record<string, unknown>>(path.join(dir, 'db', 'audit'));
  try {
    await edit(db);
  } finally {
    await db.close();
  }
  return dir;
}

const entry = (db: PouchDB.Database<Record<string, unknown>>, seq: number) => db.get(auditDocumentId(seq));
/** The content of a stored document, without PouchDB's `_id` and `_rev`. */
const content = (doc: Record<string, unknown>) => Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_')));

beforeAll(async () => {
  const server = await startTestServer();
  original = server.dataDir;
  await seedPersons(server, [testPerson(1, '01')]);
  const client = await server.login('chuo-cm1');
  for (let i = 0; i < 4; i++) await client.get('/api/persons/person-9000000001');
  await server.request('POST', '/api/auth/login', { userId: 'chuo-cm1', password: 'wrong-password' });
  await server.server.close(); // keep the folder: the copies come from it
});
afterAll(() => {
  for (const dir of [original, ...copies]) rmSync(dir, { recursive: true, force: true });
});

describe('audit:verify against direct edits of the stored log', () => {
  it('passes the intact log and prints the number of entries', async () => {
    const result = await verifyCli(original);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('正常です（6 件）');
  });

  it('names an altered entry', async () => {
    const dir = await tamperedCopy(async (db) => {
      const doc = await entry(db, 3);
      await db.put({ ...doc, userId: 'minami-cm1' });
    });
    const result = await verifyCli(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`ID ${auditDocumentId(3)}`);
    expect(result.stderr).toContain('書き換えられています');
  });

  it('names the entry after one altered with a recomputed hash', async () => {
    const dir = await tamperedCopy(async (db) => {
      const doc = await entry(db, 3);
      const forged = { ...content(doc), targetPersonId: 'person-someone-else' };
      await db.put({ ...doc, ...forged, hash: entryHash(forged) });
    });
    const result = await verifyCli(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`ID ${auditDocumentId(4)}`);
  });

  it('names the position of a removed entry', async () => {
    const dir = await tamperedCopy(async (db) => {
      const doc = await entry(db, 2);
      await db.remove(doc);
    });
    const result = await verifyCli(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`ID ${auditDocumentId(2)}`);
    expect(result.stderr).toContain('削除されています');
  });

  it('sees the last entry cut off the end', async () => {
    const dir = await tamperedCopy(async (db) => {
      await db.remove(await entry(db, 6));
    });
    const result = await verifyCli(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`ID ${auditDocumentId(6)}`);
    expect(result.stderr).toContain('末尾');
  });

  it('sees the end cut off when the anchor was removed too', async () => {
    const dir = await tamperedCopy(async (db) => {
      await db.remove(await entry(db, 6));
    });
    const meta = new PouchDB<Record<string, unknown>>(path.join(dir, 'db', 'server_meta'));
    try {
      await meta.remove(await meta.get('audit-anchor'));
    } finally {
      await meta.close();
    }
    const result = await verifyCli(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('audit-anchor');
  });

  it('names an inserted entry', async () => {
    const dir = await tamperedCopy(async (db) => {
      const doc = content(await entry(db, 3));
      await db.put({ ...doc, _id: `${auditDocumentId(3)}a`, userId: 'city-staff1' });
    });
    const result = await verifyCli(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`ID ${auditDocumentId(3)}a`);
  });

  it('sees a well-forged entry appended after the last one', async () => {
    const dir = await tamperedCopy(async (db) => {
      const last = content(await entry(db, 6));
      const forged = { ...last, id: auditDocumentId(7), seq: 7, prevHash: last.hash, operation: 'read', result: 'success' };
      await db.put({ ...forged, _id: auditDocumentId(7), hash: entryHash(forged) });
    });
    const result = await verifyCli(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`ID ${auditDocumentId(7)}`);
  });

  it('names reordered entries', async () => {
    const dir = await tamperedCopy(async (db) => {
      const [second, third] = [await entry(db, 2), await entry(db, 3)];
      await db.put({ ...content(third), _id: second._id, _rev: second._rev });
      await db.put({ ...content(second), _id: third._id, _rev: third._rev });
    });
    const result = await verifyCli(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`ID ${auditDocumentId(2)}`);
    expect(result.stderr).toContain('順序');
  });
});
