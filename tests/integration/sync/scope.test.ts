import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../shared/demo/index';
import type { Consultation, Person, WireDocument } from '../../../shared/index';
import { centerDatabaseName } from '../../../server/storage/names';
import { startTestServer, type TestServer } from '../../support/server';
import { documentsOf, openClient, seedDocuments, type Client } from './support';

// Who receives what (DESIGN.md decision 2): 1,000 invented documents over the five
// centers, devices of two centers and City Hall. No page the server sends a device ever
// holds a document of a center outside its user's scope; and when a person moves to
// another center, their records leave the old center's devices, arrive on the new
// center's, and a late edit from the old center is refused and shown.

let server: TestServer | undefined;
const clients: Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
  await server?.close();
  server = undefined;
});

/** Every page a device received, checked: content only from its centers, deletions without content. */
function outOfScope(client: Client, centers: readonly string[]): WireDocument[] {
  // Code masters carry no personal data and belong to no center: every case worker gets them.
  return client.pulled.filter((page) => page.collection !== 'masters').flatMap((page) =>
    page.documents.filter((doc) => (doc._deleted ? Object.keys(doc).some((key) => key !== 'id' && key !== '_deleted') : !centers.includes(doc.centerId as string))),
  );
}

describe('scope', () => {
  it('sends no device a document outside its scope, and a transfer purges and re-homes', async () => {
    server = await startTestServer();
    const demo = generateDemoData({ persons: 200, centerIds: ['01', '02', '03', '04', '05'], consultationsPerPerson: 4, activeShare: 1 });
    const persons: Person[] = demo.persons;
    const consultations: Consultation[] = demo.consultations.slice(0, 800);
    await seedDocuments(server, 'persons', persons);
    await seedDocuments(server, 'consultations', consultations);
    expect(persons.length + consultations.length).toBe(1000);
    const count = (centers: readonly string[]) => [...persons, ...consultations].filter((doc) => centers.includes(doc.centerId)).length;

    const collections = ['persons', 'consultations', 'rejections'] as const;
    const chuo = await openClient(server, 'chuo-cm1', collections);
    const chuoTablet = await openClient(server, 'chuo-cm1', collections);
    const minami = await openClient(server, 'minami-cm1', collections);
    const city = await openClient(server, 'city-staff1', collections);
    clients.push(chuo, chuoTablet, minami, city);
    // Small pages, so that scope is checked on many of them.
    for (const client of clients) await client.start({ pullBatchSize: 50 });
    for (const client of clients) await client.engine!.awaitIdle();

    const local = async (client: Client) => [...(await documentsOf(client.db, 'persons')), ...(await documentsOf(client.db, 'consultations'))];
    expect(await local(chuo)).toHaveLength(count(['01']));
    expect(await local(minami)).toHaveLength(count(['03']));
    expect(await local(city)).toHaveLength(1000);
    expect(chuo.pulled.length).toBeGreaterThan(5);

    // A person of 中央 with records; the tablet edits one of them offline.
    const person = persons.find((p) => p.centerId === '01' && consultations.filter((c) => c.personId === p.id).length >= 2)!;
    const records = consultations.filter((c) => c.personId === person.id).map((c) => c.id);
    chuoTablet.network.online = false;
    const lateEdit = await chuoTablet.db.consultations.findOne(records[0]).exec();
    await lateEdit!.incrementalPatch({ response: '訪問の予定を調整（オフラインで入力）', updatedAt: '2026-10-05T01:00:00.000Z', updatedBy: 'chuo-cm1' });

    // City staff move the person to 南 (03).
    const moving = await city.db.persons.findOne(person.id).exec();
    await moving!.incrementalPatch({ centerId: '03', updatedAt: '2026-10-05T02:00:00.000Z', updatedBy: 'city-staff1' });
    await city.engine!.awaitIdle();
    for (const client of [chuo, minami, city]) {
      client.engine!.resync();
      await client.engine!.awaitIdle();
    }

    // Re-homed: 南 has the person and every record, now of 03; the server keeps them there.
    const storage = server.server.context.storage;
    expect(await (await storage.open(centerDatabaseName('persons', '03'))).get(person.id)).toMatchObject({ centerId: '03' });
    expect(await (await storage.open(centerDatabaseName('persons', '01'))).get(person.id)).toBeUndefined();
    const atMinami = await minami.db.consultations.findByIds(records).exec();
    expect([...atMinami.values()].map((doc) => doc.centerId)).toEqual(records.map(() => '03'));
    expect((await minami.db.persons.findOne(person.id).exec())?.centerId).toBe('03');
    expect(await local(minami)).toHaveLength(count(['03']) + 1 + records.length);
    // Purged at 中央: gone from the store itself, not merely marked deleted.
    const raw = await chuo.db.consultations.storageInstance.findDocumentsById(records, true);
    expect(raw).toEqual([]);
    expect(await chuo.db.persons.storageInstance.findDocumentsById([person.id], true)).toEqual([]);
    expect(await local(chuo)).toHaveLength(count(['01']) - 1 - records.length);
    // City staff see everything once, with the new center.
    expect((await city.db.consultations.findOne(records[1]).exec())?.centerId).toBe('03');
    expect(await local(city)).toHaveLength(1000);

    // The tablet comes back: its late edit is refused, shown, audited, and the record leaves it.
    chuoTablet.network.online = true;
    await chuoTablet.engine!.awaitIdle();
    const [rejection] = await documentsOf(chuoTablet.db, 'rejections');
    expect(rejection).toMatchObject({ collectionName: 'consultations', documentId: records[0], reason: 'personMoved', message: expect.stringContaining('担当包括') });
    expect(await chuoTablet.db.consultations.findOne(records[0]).exec()).toBeNull();
    expect(await chuoTablet.db.persons.findOne(person.id).exec()).toBeNull();
    const kept = await (await storage.open(centerDatabaseName('consultations', '03'))).get(records[0]!);
    expect(kept?.response).not.toBe('訪問の予定を調整（オフラインで入力）');
    await server.server.context.audit.flush();
    const audit = await server.login('auditor1');
    const denied = await audit.get(`/api/audit?userId=chuo-cm1&result=denied&personId=${person.id}`);
    expect(denied.body.items.some((entry: { detail?: string }) => entry.detail === 'push consultations rejected:personMoved')).toBe(true);
    const moved = await audit.get(`/api/audit?userId=city-staff1&personId=${person.id}&operation=update`);
    expect(moved.body.items.some((entry: { detail?: string }) => entry.detail?.includes('transfer 01->03'))).toBe(true);

    // Not one page to any device held a document of another center.
    expect(outOfScope(chuo, ['01'])).toEqual([]);
    expect(outOfScope(chuoTablet, ['01'])).toEqual([]);
    expect(outOfScope(minami, ['03'])).toEqual([]);
    expect(outOfScope(city, ['01', '02', '03', '04', '05', 'cityHall'])).toEqual([]);
    expect(chuo.pulled.flatMap((page) => page.documents).length).toBeGreaterThanOrEqual(count(['01']));
  });

  it('purges a center taken out of a user\'s scope, and sends code masters to every case worker', async () => {
    server = await startTestServer();
    const demo = generateDemoData({ persons: 40, centerIds: ['01', '03'], consultationsPerPerson: 2, activeShare: 1 });
    await seedDocuments(server, 'persons', demo.persons);
    const masters = await server.server.context.storage.open('masters');
    await masters.bulkWrite(demo.masters.map((doc) => ({ ...doc, _id: doc.id })));
    const admin = await server.login('it-admin');
    const created = await admin.post('/api/users', { id: 'area-lead', displayName: '包括 主任', role: 'centerLead', password: 'area-lead-password', centers: ['01', '03'] });
    expect(created.status).toBe(201);

    const lead = await openClient(server, 'area-lead', ['persons', 'masters'], { password: 'area-lead-password' });
    clients.push(lead);
    await lead.start();
    await lead.engine!.awaitIdle();
    const inCenter = (centerId: string) => demo.persons.filter((p) => p.centerId === centerId).length;
    expect(await documentsOf(lead.db, 'persons')).toHaveLength(inCenter('01') + inCenter('03'));
    expect(await documentsOf(lead.db, 'masters')).toHaveLength(demo.masters.length);

    // The lead moves to 中央 only: 南's persons leave the device at the next pull.
    expect((await admin.patch('/api/users/area-lead', { centers: ['01'] })).status).toBe(200);
    lead.engine!.resync();
    await lead.engine!.awaitIdle();
    const left = await documentsOf(lead.db, 'persons');
    expect(left).toHaveLength(inCenter('01'));
    expect(left.every((p) => p.centerId === '01')).toBe(true);
    const south = demo.persons.filter((p) => p.centerId === '03').map((p) => p.id);
    expect(await lead.db.persons.storageInstance.findDocumentsById(south, true)).toEqual([]);
    // Not a deletion on the server: 南's persons are all still there.
    const stored = await (await server.server.context.storage.open(centerDatabaseName('persons', '03'))).allDocs({ includeDocs: false });
    expect(stored).toHaveLength(inCenter('03'));
    expect(outOfScope(lead, ['01', '03'])).toEqual([]);
  });
});
