import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRandom } from '../../../shared/demo/random';
import { jsonEqual } from '../../../shared/index';
import { seedPersons, startTestServer, testPerson, type TestServer } from '../../support/server';
import { documentsOf, openClient, seedDocuments, serverDocuments, testConsultation, type Client } from './support';

// Three devices of one center edit the same 200 consultation records while offline,
// come back in a random order, and the server restarts while they sync. Afterwards all
// three and the server hold the same records, and every edit anyone made is either in
// the record or in a conflict record a person can resolve: none is lost.

const fields = ['content', 'response', 'handledBy', 'consulterName'] as const;
type Field = (typeof fields)[number];

interface Edit {
  client: number;
  docId: string;
  field: Field;
  value: string;
  /** The value the device showed when the user overwrote it. */
  replaced: unknown;
}

let server: TestServer | undefined;
let dataDir: string | undefined;
const clients: Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
  await server?.close();
  server = undefined;
  // Owned here, not by the test server: it must outlive the restart.
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Until nothing moves any more: every device pulls and pushes, and the server's state stops changing. */
async function settle(all: readonly Client[], current: () => TestServer): Promise<void> {
  let previous = '';
  for (;;) {
    for (const client of all) {
      client.engine?.resync();
      await client.engine?.awaitInSync();
    }
    const snapshot = JSON.stringify([...(await serverDocuments(current(), 'consultations')).entries(), ...(await serverDocuments(current(), 'conflicts')).keys()]);
    if (snapshot === previous) return;
    previous = snapshot;
  }
}

describe('convergence', () => {
  it('ends identical everywhere with every offline edit kept or recorded as a conflict', async () => {
    const random = createRandom(4242);
    dataDir = mkdtempSync(path.join(tmpdir(), 'kizuna-sync-'));
    server = await startTestServer({ dataDir });
    const { port } = server.server;
    const persons = Array.from({ length: 20 }, (_, i) => testPerson(i + 1, '01'));
    await seedPersons(server, persons);
    const seeded = Array.from({ length: 200 }, (_, i) => testConsultation(i + 1, persons[i % persons.length]!.id, '01'));
    await seedDocuments(server, 'consultations', seeded);

    for (const userId of ['chuo-cm1', 'chuo-cm1', 'city-staff1']) clients.push(await openClient(server, userId, ['consultations', 'conflicts', 'rejections']));
    for (const client of clients) await client.start();
    for (const client of clients) await client.engine!.awaitInSync();
    for (const client of clients) expect(await documentsOf(client.db, 'consultations')).toHaveLength(200);

    const edits: Edit[] = [];
    const overlapping = new Set<string>();
    let serial = 0;
    let restarted = false;
    for (let round = 1; round <= 3; round++) {
      for (const client of clients) client.network.online = false;
      // Per round: 25 records two or three devices change in the same field (overlaps),
      // and 40 more each device changes in fields of its own (disjoint edits).
      const docs = [...seeded].sort(() => random.next() - 0.5).map((doc) => doc.id);
      const hot = docs.slice(0, 25);
      const plan: Array<{ client: number; docId: string; field: Field }> = [];
      for (const docId of hot) {
        const field = random.pick(fields);
        const editors = random.chance(0.4) ? [0, 1, 2] : [0, 1, 2].sort(() => random.next() - 0.5).slice(0, 2);
        for (const client of editors) plan.push({ client, docId, field });
        overlapping.add(docId);
      }
      for (const docId of docs.slice(25, 65)) {
        const client = random.int(0, 2);
        plan.push({ client, docId, field: fields[client % fields.length]! });
        if (random.chance(0.5)) plan.push({ client: (client + 1) % 3, docId, field: fields[((client + 1) % 3) % fields.length]! });
      }
      for (const step of plan) {
        const client = clients[step.client]!;
        const doc = await client.db.consultations.findOne(step.docId).exec();
        const value = `r${round}-c${step.client}-e${++serial}`;
        edits.push({ ...step, value, replaced: doc!.get(step.field) });
        await doc!.incrementalPatch({ [step.field]: value, updatedAt: new Date(Date.UTC(2026, 9, round, 9, 0, serial % 60)).toISOString(), updatedBy: client.userId });
      }
      for (const client of clients) {
        expect(await client.engine!.countPending()).toBeGreaterThan(0);
        expect(client.status.get()).toMatchObject({ online: false, lastSuccessAt: expect.any(String) });
      }

      // Back online one by one, after random offline periods; in round 2 the server
      // restarts while the first devices are sending.
      const order = [0, 1, 2].sort(() => random.next() - 0.5);
      for (const [position, index] of order.entries()) {
        await pause(random.int(0, 150));
        clients[index]!.network.online = true;
        if (round === 2 && position === 1 && !restarted) {
          await pause(random.int(5, 40));
          await server.close();
          server = await startTestServer({ dataDir, config: { port } });
          restarted = true;
        }
      }
      await settle(clients, () => server!);
    }
    expect(restarted).toBe(true);
    expect(overlapping.size).toBeGreaterThanOrEqual(50);

    // Identical: each device holds exactly what the server holds.
    const onServer = await serverDocuments(server, 'consultations');
    const conflictsOnServer = await serverDocuments(server, 'conflicts');
    expect(onServer.size).toBe(200);
    for (const client of clients) {
      const local = await documentsOf(client.db, 'consultations');
      expect(local).toHaveLength(200);
      const differing = local.filter((doc) => !jsonEqual(doc, onServer.get(doc.id as string)));
      expect(differing).toEqual([]);
      const localConflicts = await documentsOf(client.db, 'conflicts');
      expect(localConflicts.map((c) => c.id).sort()).toEqual([...conflictsOnServer.keys()].sort());
      expect(client.status.get()).toMatchObject({ pending: 0, lastError: null, online: true });
    }

    // No lost edit: each is the record's value, or the losing side of a conflict record,
    // or a value some device showed its user and the user then overwrote.
    const conflicts = [...conflictsOnServer.values()];
    expect(conflicts.length).toBeGreaterThanOrEqual(50);
    const lost = edits.filter(
      (edit) =>
        onServer.get(edit.docId)?.[edit.field] !== edit.value &&
        !conflicts.some((c) => c.documentId === edit.docId && (c.losingVersion as Record<string, unknown>)[edit.field] === edit.value) &&
        !edits.some((other) => other.docId === edit.docId && other.field === edit.field && other.replaced === edit.value),
    );
    expect({ edits: edits.length, lost: lost.length }).toEqual({ edits: edits.length, lost: 0 });
    // Disjoint edits of one record by two devices both survive in the record itself.
    const inRecord = edits.filter((edit) => onServer.get(edit.docId)?.[edit.field] === edit.value);
    expect(inRecord.length).toBeGreaterThan(edits.length / 2);
  });
});
