// Someone with access to the data folder edits the audit log's LevelDB directly, with
// PouchDB, past the server: `npm run audit:verify` must notice an entry altered,
// removed, inserted or reordered, and name the first bad one; the intact log passes.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditDocumentId, entryHash } from '../../../server/audit/chain';
import { seedPersons, startTestServer, testPerson } from '../../support/server';
import { content, tamperedCopy as copyOf, verifyCli, type RawDatabase } from './audit-support';

let original: string;
const copies: string[] = [];

/** A copy of the stopped server's data folder, its audit database (and server_meta) edited straight with PouchDB. */
async function tamperedCopy(edit: (db: RawDatabase, meta: RawDatabase) => Promise<void>): Promise<string> {
  const dir = await copyOf(original, edit);
  copies.push(dir);
  return dir;
}

const entry = (db: RawDatabase, seq: number) => db.get(auditDocumentId(seq));

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
    const dir = await tamperedCopy(async (db, meta) => {
      await db.remove(await entry(db, 6));
      await meta.remove(await meta.get('audit-anchor'));
    });
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
