// A scanned document's bytes are fetched on demand; when they are not on the server, or
// no longer hash to what the document names, the user is told so in Japanese, the
// attempt is audited, and no other bytes are ever sent in their place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, KizunaDocument } from '../../../shared/index';
import { createFileStore, filesDatabaseName, sha256Hex } from '../../../server/files/store';
import { centerDatabaseName } from '../../../server/storage/names';
import { seedPersons, startTestServer, testPerson, type TestClient, type TestServer } from '../../support/server';

const person = testPerson(1, '01');
const bytes = Buffer.from('%PDF-1.4 試験の書類');
const scan = (id: string, fileName: string): KizunaDocument => ({
  id,
  personId: person.id,
  centerId: '01',
  kind: 'scan',
  fileName,
  file: { contentType: 'application/pdf', size: bytes.length, sha256: sha256Hex(bytes) },
  updatedAt: '2026-10-01T00:00:00.000Z',
});

let server: TestServer;
let careManager: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  await seedPersons(server, [person]);
  const { storage } = server.server.context;
  const documents = await storage.open(centerDatabaseName('documents', '01'));
  await documents.bulkWrite([{ ...scan('document-missing', '欠落.pdf'), _id: 'document-missing' }]);
  careManager = await server.login('chuo-cm1');
});
afterAll(async () => {
  await server.close();
});

async function lastEntry(): Promise<AuditEntry | undefined> {
  await server.server.context.audit.flush();
  const rows = await server.server.context.audit.db.allDocs({ includeDocs: true });
  return rows.at(-1)?.doc as unknown as AuditEntry | undefined;
}

describe('GET /api/documents/:id/file', () => {
  it('says in Japanese that the file is not on the server, and audits the attempt', async () => {
    const answer = await careManager.get('/api/documents/document-missing/file');
    expect(answer.status).toBe(404);
    expect(answer.body.error).toMatchObject({ code: 'fileMissing', message: expect.stringContaining('サーバーにありません') });
    expect(await lastEntry()).toMatchObject({ userId: 'chuo-cm1', operation: 'read', result: 'failure', targetPersonId: person.id, detail: 'file missing' });
  });

  it('refuses bytes that no longer hash to the document’s file, rather than sending them', async () => {
    const { storage } = server.server.context;
    const doc = scan('document-damaged', '破損.pdf');
    await (await storage.open(centerDatabaseName('documents', '01'))).bulkWrite([{ ...doc, _id: doc.id }]);
    await createFileStore(storage).putFiles('01', [{ sha256: doc.file!.sha256, contentType: 'application/pdf', size: bytes.length, bytes }]);
    const good = await fetch(`${server.url}/api/documents/${doc.id}/file`, { headers: careManager.headers });
    expect(Buffer.from(await good.arrayBuffer())).toEqual(bytes);

    // Someone edits the stored file behind the server's back.
    const files = await storage.open(filesDatabaseName('01'));
    const stored = await files.get(doc.file!.sha256);
    await files.bulkWrite([{ ...stored!, data: Buffer.from('%PDF-1.4 差し替え').toString('base64') }]);
    const answer = await careManager.get(`/api/documents/${doc.id}/file`);
    expect(answer.status).toBe(500);
    expect(answer.body.error).toMatchObject({ code: 'fileDamaged', message: expect.stringContaining('壊れている') });
    expect(JSON.stringify(answer.body)).not.toContain('差し替え');
    expect(await lastEntry()).toMatchObject({ operation: 'read', result: 'failure', targetDocumentId: `documents:${doc.id}`, detail: 'file damaged' });
  });
});
