import { afterEach, describe, expect, it } from 'vitest';
import { recordAudit } from '../../../renderer/store/audit';
import { centerDatabaseName } from '../../../server/storage/names';
import { seedPersons, startTestServer, testPerson, type TestServer } from '../../support/server';
import { documentsOf, openClient, seedDocuments, testConsultation, until, type Client } from './support';

// What the sync engine does for the screens that resolve sync issues: a refused change
// stops waiting once its document gets through; discarding one puts the server's version
// back on the device and sends nothing; offline audit entries leave the device once the
// server has chained them, without the server reading that as a removal.

let server: TestServer | undefined;
const clients: Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
  await server?.close();
  server = undefined;
});

async function setUp(): Promise<TestServer> {
  server = await startTestServer();
  await seedPersons(server, [testPerson(1, '01')]);
  await seedDocuments(server, 'consultations', [testConsultation(1, 'person-9000000001', '01')]);
  return server;
}

/** A care manager's device of 中央, through its first sync. */
async function syncedClient(on: TestServer, collections: Parameters<typeof openClient>[2], options: Parameters<Client['start']>[0] = {}): Promise<Client> {
  const client = await openClient(on, 'chuo-cm1', collections);
  clients.push(client);
  await client.start(options);
  await client.engine!.awaitIdle();
  return client;
}

async function stored(on: TestServer, id: string): Promise<Record<string, unknown> | undefined> {
  return (await (await on.server.context.storage.open(centerDatabaseName('consultations', '01'))).get(id)) as Record<string, unknown> | undefined;
}

async function chainedReads(on: TestServer): Promise<Array<{ detail?: string; offline?: boolean }>> {
  await on.server.context.audit.flush();
  const auditor = await on.login('auditor1');
  return ((await auditor.get('/api/audit?userId=chuo-cm1&operation=read')).body.items as Array<{ detail?: string; offline?: boolean }>).filter((e) => e.detail?.startsWith('offline read'));
}

describe('refused changes', () => {
  it('stops showing a refusal once a change of the same document is accepted', async () => {
    const on = await setUp();
    const client = await syncedClient(on, ['consultations', 'rejections']);
    const doc = await client.db.consultations.findOne('consultation-test-1').exec();
    await doc!.incrementalPatch({ centerId: '03', response: '誤って担当包括を変えた', updatedAt: '2026-10-03T00:00:00.000Z' });
    await client.engine!.awaitIdle();
    expect((await documentsOf(client.db, 'rejections')).map((r) => r.reason)).toEqual(['centerMismatch']);

    const again = await client.db.consultations.findOne('consultation-test-1').exec();
    await again!.incrementalPatch({ response: '正しく入力し直した', updatedAt: '2026-10-03T01:00:00.000Z' });
    await client.engine!.awaitIdle();
    expect((await stored(on, 'consultation-test-1'))?.response).toBe('正しく入力し直した');
    expect(await documentsOf(client.db, 'rejections')).toEqual([]);
  });

  it('discards a local change: the server’s version comes back, and nothing is sent', async () => {
    const on = await setUp();
    const client = await syncedClient(on, ['consultations', 'rejections']);
    const revBefore = (await stored(on, 'consultation-test-1'))?._rev;
    // A later edit made offline, not yet sent: the device holds a version the server never saw.
    client.network.online = false;
    const doc = await client.db.consultations.findOne('consultation-test-1').exec();
    await doc!.incrementalPatch({ content: '送るつもりのなかった変更', updatedAt: '2026-10-04T00:00:00.000Z' });
    expect(await client.engine!.countPending()).toBe(1);

    expect(await client.engine!.revert('consultations', 'consultation-test-1')).toBe('reverted');
    expect((await client.db.consultations.findOne('consultation-test-1').exec())?.content).toBe('相談の内容（架空）');
    expect(await client.engine!.countPending()).toBe(0);
    expect(await client.engine!.revert('consultations', 'consultation-test-1')).toBe('unchanged');

    client.network.online = true;
    client.engine!.resync();
    await client.engine!.awaitIdle();
    expect((await stored(on, 'consultation-test-1'))?.content).toBe('相談の内容（架空）');
    expect((await stored(on, 'consultation-test-1'))?._rev).toBe(revBefore);
    expect(await client.engine!.countPending()).toBe(0);
    // The replication still knows the server's version: the next edit goes through as an edit.
    const next = await client.db.consultations.findOne('consultation-test-1').exec();
    await next!.incrementalPatch({ response: '後日の訪問を予定', updatedAt: '2026-10-05T00:00:00.000Z' });
    await client.engine!.awaitIdle();
    expect(await stored(on, 'consultation-test-1')).toMatchObject({ content: '相談の内容（架空）', response: '後日の訪問を予定' });
  });

  it('removes a refused new document that the server never took', async () => {
    const on = await setUp();
    const client = await syncedClient(on, ['consultations', 'rejections']);
    client.network.online = false;
    await client.db.consultations.insert(testConsultation(2, 'person-9000000001', '01', { content: '送らない新しい記録' }));
    expect(await client.engine!.revert('consultations', 'consultation-test-2')).toBe('reverted');
    expect(await client.db.consultations.findOne('consultation-test-2').exec()).toBeNull();
    expect(await client.engine!.revert('unknownCollection' as never, 'x')).toBe('unknown');
  });
});

describe('offline audit entries', () => {
  it('leave the device once chained, and the log keeps every one of them', async () => {
    const on = await setUp();
    const client = await openClient(on, 'chuo-cm1', ['persons', 'auditEntries']);
    clients.push(client);
    for (const n of [1, 2, 3]) {
      await recordAudit(client.db, { userId: 'chuo-cm1', deviceId: 'tablet-07', online: false }, { menu: '高齢者台帳', operation: 'read', centerId: '01', targetPersonId: 'person-9000000001', detail: `offline read ${n}` });
    }
    await client.start({ auditRetentionMs: 0 });
    await client.engine!.awaitIdle();
    await until(async () => (await documentsOf(client.db, 'auditEntries')).length === 0);
    await client.engine!.awaitIdle();

    expect((await chainedReads(on)).map((e) => e.detail).sort()).toEqual(['offline read 1', 'offline read 2', 'offline read 3']);
    const auditor = await on.login('auditor1');
    expect((await auditor.get('/api/audit/verify')).body).toMatchObject({ ok: true });
    // Gone from storage too, not kept as tombstones.
    expect(await client.db.auditEntries.storageInstance.findDocumentsById(['x'], true)).toEqual([]);
    expect(await client.engine!.countPending()).toBe(0);
    // A new entry is uploaded as before.
    await recordAudit(client.db, { userId: 'chuo-cm1', deviceId: 'tablet-07', online: true }, { menu: '高齢者台帳', operation: 'read', centerId: '01', targetPersonId: 'person-9000000001', detail: 'offline read 4' });
    await until(async () => (await chainedReads(on)).length === 4);
  });

  it('keeps entries the retention window still covers', async () => {
    const on = await setUp();
    const client = await openClient(on, 'chuo-cm1', ['persons', 'auditEntries']);
    clients.push(client);
    await recordAudit(client.db, { userId: 'chuo-cm1', deviceId: 'tablet-07', online: false }, { menu: '高齢者台帳', operation: 'read', centerId: '01', detail: 'offline read 1' });
    await client.start();
    await client.engine!.awaitIdle();
    await until(async () => (await chainedReads(on)).length === 1);
    await client.engine!.awaitIdle();
    expect(await documentsOf(client.db, 'auditEntries')).toHaveLength(1);
  });

  it('are never removed from the log by a deletion: one that carries its entry is chained, a bare one ignored', async () => {
    const on = await setUp();
    const session = await on.login('chuo-cm1');
    const entry = { id: 'tablet-07:deleted-before-answer', at: '2026-10-05T00:00:00.000Z', userId: 'chuo-cm1', menu: '高齢者台帳', operation: 'read', result: 'success', detail: 'offline read dropped early' };
    const answer = await session.post('/api/replication/auditEntries/push', { rows: [{ newDocumentState: { ...entry, _deleted: true } }, { newDocumentState: { id: 'tablet-07:bare', _deleted: true } }] });
    expect(answer.body).toEqual({ conflicts: [], rejections: [] });
    expect((await chainedReads(on)).map((e) => e.detail)).toEqual(['offline read dropped early']);
    // The same entry again, live this time: chained once.
    await session.post('/api/replication/auditEntries/push', { rows: [{ newDocumentState: { ...entry, _deleted: false } }] });
    expect(await chainedReads(on)).toHaveLength(1);
  });
});
