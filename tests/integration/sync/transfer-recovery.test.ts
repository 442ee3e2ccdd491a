import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { centerDatabaseName, globalDatabases } from '../../../server/storage/names';
import { seedPersons, startTestServer, testPerson, type TestServer } from '../../support/server';
import { seedDocuments, serverDocuments, testConsultation } from './support';

// A server that stops in the middle of moving a person to another center finishes the
// move when it starts again, before it serves any push: no record is left behind at the
// old center, none is lost.

let server: TestServer | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  server = dataDir = undefined;
});

const person = testPerson(1, '01');
const records = [1, 2, 3].map((n) => testConsultation(n, person.id, '01'));

/** The state a crash leaves after the person was written at 03 and before their records followed. */
async function crashMidTransfer(on: TestServer, personArrived: boolean): Promise<void> {
  await seedPersons(on, [person]);
  await seedDocuments(on, 'consultations', records);
  const storage = on.server.context.storage;
  await (await storage.open(globalDatabases.serverMeta)).put({ _id: `transfer-${person.id}`, personId: person.id, from: '01', to: '03', startedAt: '2026-10-05T00:00:00.000Z' });
  if (personArrived) await (await storage.open(centerDatabaseName('persons', '03'))).put({ ...person, centerId: '03', _id: person.id });
}

async function restart(): Promise<TestServer> {
  await server!.close();
  server = await startTestServer({ dataDir });
  // A push waits for the recovery: once it is answered, the recovery is done.
  const session = await server.login('chuo-cm1');
  expect((await session.post('/api/replication/consultations/push', { rows: [] })).status).toBe(200);
  return server;
}

describe('a transfer cut short by a crash', () => {
  it('is finished on the next start: the records follow the person, the old copies go', async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'kizuna-transfer-'));
    server = await startTestServer({ dataDir });
    await crashMidTransfer(server, true);
    const on = await restart();

    const consultations = await serverDocuments(on, 'consultations');
    expect([...consultations.values()].map((doc) => [doc.id, doc.centerId])).toEqual(records.map((r) => [r.id, '03']));
    const storage = on.server.context.storage;
    expect(await (await storage.open(centerDatabaseName('consultations', '01'))).allDocs({ includeDocs: false })).toEqual([]);
    expect(await (await storage.open(centerDatabaseName('persons', '01'))).get(person.id)).toBeUndefined();
    expect(await (await storage.open(centerDatabaseName('persons', '03'))).get(person.id)).toMatchObject({ centerId: '03' });
    expect(await (await storage.open(globalDatabases.serverMeta)).get(`transfer-${person.id}`)).toBeUndefined();
  });

  it('is dropped when the person had not reached the new center: nothing moved, the client sends again', async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'kizuna-transfer-'));
    server = await startTestServer({ dataDir });
    await crashMidTransfer(server, false);
    const on = await restart();

    const consultations = await serverDocuments(on, 'consultations');
    expect([...consultations.values()].map((doc) => doc.centerId)).toEqual(['01', '01', '01']);
    expect(await (await on.server.context.storage.open(centerDatabaseName('persons', '01'))).get(person.id)).toMatchObject({ centerId: '01' });
    expect(await (await on.server.context.storage.open(globalDatabases.serverMeta)).get(`transfer-${person.id}`)).toBeUndefined();
  });
});
