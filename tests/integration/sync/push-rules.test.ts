import { afterEach, describe, expect, it } from 'vitest';
import { recordAudit } from '../../../renderer/store/audit';
import { centerDatabaseName } from '../../../server/storage/names';
import { seedPersons, startTestServer, testPerson, type TestServer } from '../../support/server';
import { documentsOf, openClient, seedDocuments, testConsultation, until, type Client } from './support';

// What the server refuses in a push, and what the user then sees; offline audit entries;
// offline work surviving a restart of the app; and a status that never claims a sync
// that did not happen.

let server: TestServer | undefined;
const clients: Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
  await server?.close();
  server = undefined;
});

async function setUp(): Promise<TestServer> {
  server = await startTestServer();
  await seedPersons(server, [testPerson(1, '01'), testPerson(2, '03')]);
  await seedDocuments(server, 'consultations', [testConsultation(1, 'person-9000000001', '01'), testConsultation(2, 'person-9000000002', '03')]);
  return server;
}

async function auditOf(on: TestServer, query: string): Promise<Array<{ result: string; detail?: string; offline?: boolean }>> {
  await on.server.context.audit.flush();
  const auditor = await on.login('auditor1');
  return (await auditor.get(`/api/audit?${query}`)).body.items;
}

describe('pushes the server refuses', () => {
  it('refuses a record of a center outside the scope: shown to the user, audited, and gone from the device', async () => {
    const on = await setUp();
    const client = await openClient(on, 'chuo-cm1', ['consultations', 'rejections']);
    clients.push(client);
    await client.start();
    await client.engine!.awaitIdle();
    await client.db.consultations.insert(testConsultation(3, 'person-9000000002', '03', { content: '他包括の記録（架空）' }));
    await client.engine!.awaitIdle();

    const [rejection] = await documentsOf(client.db, 'rejections');
    expect(rejection).toMatchObject({ collectionName: 'consultations', documentId: 'consultation-test-3', reason: 'outOfScope', message: '担当包括「南」は担当範囲外のため、この変更は保存されませんでした' });
    expect(await client.db.consultations.findOne('consultation-test-3').exec()).toBeNull();
    expect(await (await on.server.context.storage.open(centerDatabaseName('consultations', '03'))).get('consultation-test-3')).toBeUndefined();
    expect(client.status.get()).toMatchObject({ pending: 0, lastError: null });
    const denied = await auditOf(on, 'userId=chuo-cm1&result=denied');
    expect(denied.some((entry) => entry.detail === 'push consultations rejected:outOfScope')).toBe(true);

    // A new person of another center is refused naming the center field.
    const { updatedAt } = testPerson(9, '03');
    await client.stop();
    const persons = await openClient(on, 'chuo-cm1', ['persons', 'rejections']);
    clients.push(persons);
    await persons.start();
    await persons.engine!.awaitIdle();
    await persons.db.persons.insert({ ...testPerson(9, '03'), updatedAt });
    await persons.engine!.awaitIdle();
    const refused = (await documentsOf(persons.db, 'rejections')).find((r) => r.documentId === 'person-9000000009');
    expect(refused).toMatchObject({ reason: 'outOfScope', message: '担当包括「南」は担当範囲外のため、この変更は保存されませんでした' });
  });

  it('refuses an edit without the permission to write, and puts the server version back', async () => {
    const on = await setUp();
    const admin = await on.login('it-admin');
    const created = await admin.post('/api/users', { id: 'chuo-viewer', displayName: '閲覧 専用', role: 'careManager', password: 'viewer-password-1', centers: ['01'], permissions: ['case.read'] });
    expect(created.status).toBe(201);
    const viewer = await openClient(on, 'chuo-viewer', ['consultations', 'rejections'], { password: 'viewer-password-1' });
    clients.push(viewer);
    await viewer.start();
    await viewer.engine!.awaitIdle();
    const doc = await viewer.db.consultations.findOne('consultation-test-1').exec();
    await doc!.incrementalPatch({ content: '閲覧者による変更', updatedAt: '2026-10-03T00:00:00.000Z' });
    await viewer.engine!.awaitIdle();

    expect((await viewer.db.consultations.findOne('consultation-test-1').exec())?.content).toBe('相談の内容（架空）');
    const [rejection] = await documentsOf(viewer.db, 'rejections');
    expect(rejection).toMatchObject({ reason: 'forbidden', message: '相談記録を変更する権限がないため、この変更は保存されませんでした' });
    expect((rejection!.document as { content: string }).content).toBe('閲覧者による変更');
  });

  it('refuses moving a person to another center without the right to reassign both', async () => {
    const on = await setUp();
    const client = await openClient(on, 'chuo-cm1', ['persons', 'rejections']);
    clients.push(client);
    await client.start();
    await client.engine!.awaitIdle();
    const person = await client.db.persons.findOne('person-9000000001').exec();
    await person!.incrementalPatch({ centerId: '03', updatedAt: '2026-10-06T00:00:00.000Z' });
    await client.engine!.awaitIdle();

    const [rejection] = await documentsOf(client.db, 'rejections');
    expect(rejection).toMatchObject({ documentId: 'person-9000000001', reason: 'reassignForbidden', message: '担当包括の変更（移管）には移管の権限と、移管元・移管先の両方の担当が必要です' });
    expect((await client.db.persons.findOne('person-9000000001').exec())?.centerId).toBe('01');
    expect(await (await on.server.context.storage.open(centerDatabaseName('persons', '01'))).get('person-9000000001')).toMatchObject({ centerId: '01' });
    expect(await (await on.server.context.storage.open(centerDatabaseName('persons', '03'))).get('person-9000000001')).toBeUndefined();
  });

  it('refuses a document that fails the schema, naming the field, without an HTTP error', async () => {
    const on = await setUp();
    const session = await on.login('chuo-cm1');
    const bad = { ...testConsultation(4, 'person-9000000001', '01'), method: 'fax', _deleted: false };
    const answer = await session.post('/api/replication/consultations/push', { rows: [{ newDocumentState: bad }] });
    expect(answer.status).toBe(200);
    expect(answer.body.rejections).toEqual([expect.objectContaining({ id: 'consultation-test-4', reason: 'invalid', message: '相談方法の値が選択肢にありません' })]);
    expect(answer.body.conflicts).toEqual([{ id: 'consultation-test-4', _deleted: true }]);
    // An id the store reserves for itself is refused the same way, not answered with an error.
    const reserved = await session.post('/api/replication/consultations/push', { rows: [{ newDocumentState: { ...bad, id: '_design/x', method: 'phone' } }] });
    expect(reserved.status).toBe(200);
    expect(reserved.body.rejections).toEqual([expect.objectContaining({ id: '_design/x', reason: 'invalid', message: 'IDの値が正しくありません' })]);
    const failures = await auditOf(on, 'userId=chuo-cm1&result=failure');
    expect(failures.some((entry) => entry.detail === 'push consultations rejected:invalid')).toBe(true);
    // A pull checkpoint the server never handed out is a bad request naming the field.
    const pull = await session.post('/api/replication/consultations/pull', { checkpoint: { seqs: { '../x': '1' } }, batchSize: 10 });
    expect(pull.status).toBe(400);
    expect(pull.body.error).toMatchObject({ field: 'checkpoint', message: '同期位置の値が正しくありません' });
    // A well-formed position this store never handed out starts that feed over.
    const foreign = await session.post('/api/replication/consultations/pull', { checkpoint: { seqs: { '01': '12-g1AAAAFTeJzLYWBg' } }, batchSize: 10 });
    expect(foreign.status).toBe(200);
    expect(foreign.body.documents.map((doc: { id: string }) => doc.id)).toEqual(['consultation-test-1']);
  });
});

describe('offline work', () => {
  it('uploads audit entries recorded offline into the hash chain, and never pulls them back', async () => {
    const on = await setUp();
    const client = await openClient(on, 'chuo-cm1', ['persons', 'auditEntries']);
    clients.push(client);
    for (const n of [1, 2, 3]) {
      await recordAudit(client.db, { userId: 'chuo-cm1', deviceId: 'tablet-07', online: false }, { menu: '高齢者台帳', operation: 'read', centerId: '01', targetPersonId: 'person-9000000001', detail: `offline read ${n}` });
    }
    await client.start();
    await client.engine!.awaitIdle();

    const uploaded = (await auditOf(on, 'userId=chuo-cm1&personId=person-9000000001&operation=read')).filter((entry) => entry.detail?.startsWith('offline read'));
    expect(uploaded.map((entry) => entry.detail).sort()).toEqual(['offline read 1', 'offline read 2', 'offline read 3']);
    expect(uploaded.every((entry) => entry.offline === true)).toBe(true);
    const auditor = await on.login('auditor1');
    expect((await auditor.get('/api/audit/verify')).body).toMatchObject({ ok: true });
    // A retried upload is chained once.
    client.engine!.resync();
    await client.engine!.awaitIdle();
    expect((await auditOf(on, 'userId=chuo-cm1&operation=read')).filter((entry) => entry.detail?.startsWith('offline read'))).toHaveLength(3);
    const session = await on.login('chuo-cm1');
    expect((await session.post('/api/replication/auditEntries/pull', { checkpoint: null, batchSize: 10 })).status).toBe(404);
  });

  it('keeps offline edits through closing the app and sends them on the next sync', async () => {
    const on = await setUp();
    const name = `sync-offline-${Date.now()}`;
    const first = await openClient(on, 'chuo-cm1', ['consultations'], { name });
    await first.start();
    await first.engine!.awaitIdle();
    first.network.online = false;
    const doc = await first.db.consultations.findOne('consultation-test-1').exec();
    await doc!.incrementalPatch({ response: '訪問して状況を確認（オフライン）', updatedAt: '2026-10-04T00:00:00.000Z', updatedBy: 'chuo-cm1' });
    expect(await first.engine!.countPending()).toBe(1);
    await first.close();

    const second = await openClient(on, 'chuo-cm1', ['consultations'], { name });
    clients.push(second);
    await second.start();
    await second.engine!.awaitIdle();
    const stored = await (await on.server.context.storage.open(centerDatabaseName('consultations', '01'))).get('consultation-test-1');
    expect(stored?.response).toBe('訪問して状況を確認（オフライン）');
    expect(second.status.get()).toMatchObject({ pending: 0, lastError: null });
  });
});

describe('the sync status', () => {
  it('never reports a success after a failure until a whole sync has gone through', async () => {
    const on = await setUp();
    const client = await openClient(on, 'chuo-cm1', ['consultations']);
    clients.push(client);
    client.network.online = false;
    await client.start();
    await until(() => client.status.get().lastError !== null);
    expect(client.status.get()).toMatchObject({ engine: 'running', online: false, lastSuccessAt: null, lastError: { message: 'サーバーに接続できません（自動的に再接続します）' } });

    client.network.online = true;
    await client.engine!.awaitIdle();
    const synced = client.status.get();
    expect(synced).toMatchObject({ online: true, lastError: null, pending: 0, lastSuccessAt: expect.any(String) });

    client.network.online = false;
    const doc = await client.db.consultations.findOne('consultation-test-1').exec();
    await doc!.incrementalPatch({ status: 'closed', updatedAt: '2026-10-05T00:00:00.000Z' });
    await until(() => client.status.get().lastError !== null);
    expect(await client.engine!.countPending()).toBe(1);
    expect(client.status.get()).toMatchObject({ online: false, pending: 1, lastSuccessAt: synced.lastSuccessAt });

    client.network.online = true;
    await client.engine!.awaitIdle();
    expect(client.status.get()).toMatchObject({ online: true, pending: 0, lastError: null });
    expect(client.status.get().lastSuccessAt! > synced.lastSuccessAt!).toBe(true);
  });

  it('stops and says so when the session has ended, instead of retrying forever', async () => {
    const on = await setUp();
    const client = await openClient(on, 'chuo-cm1', ['consultations']);
    clients.push(client);
    let expired = 0;
    await client.start({ onSessionExpired: () => (expired += 1) });
    await client.engine!.awaitIdle();
    const session = on.server.context.sessions;
    await session.revokeUser('chuo-cm1');
    const doc = await client.db.consultations.findOne('consultation-test-1').exec();
    await doc!.incrementalPatch({ status: 'closed', updatedAt: '2026-10-05T00:00:00.000Z' });
    await until(() => client.status.get().engine === 'stopped');
    expect(expired).toBe(1);
    expect(client.status.get().lastError?.message).toBe('ログインの有効期限が切れました。もう一度ログインしてください');
  });
});
