import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { normalizeKana, type Person } from '../../../shared/index';
import { createClientDatabase, WrongDataKeyError, type ClientDatabase } from '../../../renderer/store/database';
import { createDataKey } from '../../../renderer/store/key-vault';

// The store on Dexie over fake-indexeddb: the same storage code the browser runs, so what
// these tests read back from the raw IndexedDB is what a stolen tablet would hold.

const invented: Person = {
  id: 'person-test-1',
  residentCode: '9100000001',
  centerId: '01',
  name: '架空　花子',
  nameKana: 'カクウ　ハナコ',
  nameKanaKey: normalizeKana('カクウ　ハナコ'),
  sex: 'female',
  birthDate: '1941-02-03',
  address: 'ひかり野市本町2丁目3-4',
  residentStatus: 'resident',
  relatedPersons: [{ seq: 1, name: '架空　次郎', relationship: '長男', isEmergencyContact: true, isKeyPerson: true }],
  updatedAt: '2026-04-01T09:00:00.000Z',
};

async function rawRecords(factory: IDBFactory): Promise<string> {
  const texts: string[] = [];
  for (const { name } of await factory.databases()) {
    if (!name) continue;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const store of db.objectStoreNames) {
      const all = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      texts.push(JSON.stringify(all));
    }
    db.close();
  }
  return texts.join('\n');
}

const open: ClientDatabase[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

async function openStore(factory: IDBFactory, name: string, encryptionKey: string | undefined, collections: Parameters<typeof createClientDatabase>[0]['collections'] = ['persons', 'auditEntries']) {
  const db = await createClientDatabase({ name, storage: getRxStorageDexie({ indexedDB: factory, IDBKeyRange }), collections, encryptionKey, multiInstance: false });
  open.push(db);
  return db;
}

describe('client store', () => {
  it('keeps personal fields encrypted at rest and gives them back in plain form', async () => {
    const factory = new IDBFactory();
    const db = await openStore(factory, 'kizuna-enc', createDataKey());
    await db.persons.insert(invented);

    const raw = await rawRecords(factory);
    expect(raw).toContain('9100000001'); // the resident code stays plain: it is the index
    for (const secret of ['架空', 'カクウ', 'ハナコ', '本町', '1941-02-03', '長男']) expect(raw).not.toContain(secret);

    const back = await db.persons.findOne(invented.id).exec();
    expect(back?.name).toBe('架空　花子');
    expect(back?.relatedPersons?.[0]?.name).toBe('架空　次郎');
  });

  it('stores the same fields in plain form when no key is given (Node-only test databases)', async () => {
    const factory = new IDBFactory();
    const db = await openStore(factory, 'kizuna-plain', undefined);
    await db.persons.insert(invented);
    expect(await rawRecords(factory)).toContain('架空');
  });

  it('refuses to open an existing store with another key, and opens it again with the right one', async () => {
    const factory = new IDBFactory();
    const key = createDataKey();
    const first = await openStore(factory, 'kizuna-reopen', key);
    await first.persons.insert(invented);
    await first.close();
    open.splice(open.indexOf(first), 1);

    await expect(openStore(factory, 'kizuna-reopen', createDataKey())).rejects.toBeInstanceOf(WrongDataKeyError);
    const again = await openStore(factory, 'kizuna-reopen', key);
    expect((await again.persons.findOne(invented.id).exec())?.nameKana).toBe('カクウ　ハナコ');
  });

  it('rejects a document that breaks the schema, naming the field, and stores nothing of it', async () => {
    const factory = new IDBFactory();
    const db = await openStore(factory, 'kizuna-invalid', createDataKey());
    const bad = { ...invented, birthDate: '昭和16年2月3日' };
    await expect(db.persons.insert(bad)).rejects.toMatchObject({ code: 'VD2', parameters: { writeError: { validationErrors: [expect.objectContaining({ path: '#/birthDate' })] } } });
    expect(await db.persons.count().exec()).toBe(0);
  });

  it('lets one process open several client databases on memory storage with the collections it needs', async () => {
    const storage = getRxStorageMemory();
    const clients = await Promise.all(
      ['a', 'b', 'c'].map(async (n) => {
        const db = await createClientDatabase({ name: `client-${n}`, storage, collections: ['persons', 'consultations', 'conflicts', 'auditEntries'], encryptionKey: createDataKey(), multiInstance: false });
        open.push(db);
        return db;
      }),
    );
    await clients[0]!.persons.insert(invented);
    expect(await clients[0]!.persons.count().exec()).toBe(1);
    expect(await clients[1]!.persons.count().exec()).toBe(0);
  });
});
