import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../shared/demo/index';
import { createDataKey } from '../../../renderer/store/key-vault';
import { startTestServer, type TestServer } from '../../support/server';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy';
import { documentsOf, openClient, seedDocuments, serverDocuments, until, type Client } from './support';

// A first sync over a link that drops (a tablet leaving Wi-Fi, the WAN failing), and an
// app closed halfway: the sync resumes by itself from where it got to, finishes with the
// device holding exactly what the server holds, and pages already finished are not
// downloaded again.

let server: TestServer | undefined;
let proxy: TcpProxy | undefined;
const clients: Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
  await proxy?.close();
  await server?.close();
  server = proxy = undefined;
});

const batchSize = 40;

async function seed(): Promise<{ server: TestServer; total: number }> {
  const started = await startTestServer();
  const demo = generateDemoData({ persons: 150, centerIds: ['01'], consultationsPerPerson: 4, activeShare: 1 });
  await seedDocuments(started, 'persons', demo.persons);
  await seedDocuments(started, 'consultations', demo.consultations);
  return { server: started, total: demo.persons.length + demo.consultations.length };
}

/** Ids of every document in every page the device received whole. */
const received = (client: Client): string[] => client.pulled.flatMap((page) => page.documents.map((doc) => doc.id));

async function expectSameAsServer(client: Client, on: TestServer): Promise<void> {
  for (const collection of ['persons', 'consultations'] as const) {
    const local = await documentsOf(client.db, collection);
    const remote = [...(await serverDocuments(on, collection)).values()].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    expect(local).toEqual(remote);
  }
}

describe('an interrupted first sync', () => {
  it('resumes after the connection drops at several points, without downloading finished pages again', async () => {
    const seeded = await seed();
    server = seeded.server;
    proxy = await startTcpProxy({ targetPort: server.server.port });

    // How many bytes a whole first sync takes, so the cuts fall inside the next one.
    const reference = await openClient(server, 'chuo-cm1', ['persons', 'consultations'], { serverUrl: proxy.url });
    clients.push(reference);
    await reference.start({ pullBatchSize: batchSize });
    await reference.engine!.awaitIdle();
    const bytes = proxy.bytesDown;
    await reference.close();

    const client = await openClient(server, 'chuo-cm1', ['persons', 'consultations'], { serverUrl: proxy.url });
    clients.push(client);
    const start = proxy.bytesDown;
    const cutPoints = [0.2, 0.45, 0.7].map((share) => start + Math.round(bytes * share));
    proxy.cutAfter(cutPoints[0]! - start);
    await client.start({ pullBatchSize: batchSize });
    for (const index of cutPoints.keys()) {
      await until(() => proxy!.cuts >= index + 1);
      const next = cutPoints[index + 1];
      if (next !== undefined) proxy.cutAfter(Math.max(1, next - proxy.bytesDown));
    }
    await client.engine!.awaitIdle();

    expect(proxy.cuts).toBe(3);
    expect(client.network.failures).toBeGreaterThanOrEqual(3);
    await expectSameAsServer(client, server);
    // Each document came in exactly one finished page: no finished page was fetched twice.
    const ids = received(client);
    expect(new Set(ids).size).toBe(seeded.total);
    expect(ids).toHaveLength(seeded.total);
    // Some pull requests were cut and made again.
    const pulls = client.network.pulls.length;
    expect(pulls).toBeGreaterThan(client.pulled.length);
    expect(client.status.get()).toMatchObject({ lastError: null, pending: 0, lastSuccessAt: expect.any(String) });
  });

  it('resumes from its last stored checkpoint when the app is closed in the middle', async () => {
    const seeded = await seed();
    server = seeded.server;
    const name = `sync-resume-${Date.now()}`;
    // Encrypted at rest, as the app keeps it: the reopened store reads what the first one wrote.
    const encryptionKey = createDataKey();
    const first = await openClient(server, 'chuo-cm1', ['persons', 'consultations'], { name, encryptionKey });
    await first.start({ pullBatchSize: batchSize });
    await until(() => first.pulled.filter((page) => page.collection === 'consultations').length >= 4);
    // Closing the app: the replication stops wherever it is.
    await first.close();
    const before = received(first);
    expect(before.length).toBeLessThan(seeded.total);

    // Reopened: what was stored before the close is there.
    const second = await openClient(server, 'chuo-cm1', ['persons', 'consultations'], { name, encryptionKey });
    clients.push(second);
    const stored = await documentsOf(second.db, 'consultations');
    expect(stored.length).toBeGreaterThanOrEqual(batchSize);
    await second.start({ pullBatchSize: batchSize });
    await second.engine!.awaitIdle();

    await expectSameAsServer(second, server);
    // It went on from a checkpoint, not from the beginning …
    const resumed = second.network.pulls.find((pull) => pull.collection === 'consultations');
    expect(resumed?.checkpoint).not.toBeNull();
    // … so at most the page in flight when the app closed came twice.
    const after = received(second);
    const again = after.filter((id) => before.includes(id));
    expect(again.length).toBeLessThanOrEqual(batchSize);
    expect(new Set([...before, ...after]).size).toBe(seeded.total);
  });
});
