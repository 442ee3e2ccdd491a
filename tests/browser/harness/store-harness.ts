// Runs inside Chromium, on the app's origin, in a page of its own: opens a user's local
// store exactly as the app does (the key unwrapped from the device records with the
// user's password), to put in or read back what no screen shows, such as the
// device-local drafts. The app's open page sees the writes through RxDB's cross-tab
// channel. Persons and masters reach the store through the real sync instead.
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { createClientDatabase, type ClientCollectionName } from '../../../renderer/store/database';
import { unwrapDataKey } from '../../../renderer/store/key-vault';
import { DeviceRecords } from '../../../renderer/device/device-records';
import { browserKeyValueStore } from '../../../renderer/device/key-value';

async function openStore(userId: string, password: string) {
  const local = new DeviceRecords(browserKeyValueStore()).localUser(userId);
  if (!local) throw new Error(`${userId} has not signed in on this device`);
  const key = await unwrapDataKey(local.keyRecord, password);
  return createClientDatabase({ name: local.databaseName, storage: getRxStorageDexie(), encryptionKey: key });
}

async function put(userId: string, password: string, collection: ClientCollectionName, documents: unknown[]): Promise<number> {
  const db = await openStore(userId, password);
  try {
    const result = await db[collection].bulkUpsert(documents as never[]);
    if (result.error.length > 0) throw new Error(JSON.stringify(result.error[0]));
    return result.success.length;
  } finally {
    await db.close();
  }
}

async function read(userId: string, password: string, collection: ClientCollectionName): Promise<unknown[]> {
  const db = await openStore(userId, password);
  try {
    return (await db[collection].find().exec()).map((doc) => doc.toMutableJSON());
  } finally {
    await db.close();
  }
}

Object.assign(window, { kizunaStore: { put, read } });
document.body.dataset.ready = 'true';
