// npm run bench:sync — the first sync of one center's share (3,000 invented persons and
// their ~29,000 records) through our replication endpoints into an RxDB client, against
// plain PouchDB replication of the same documents from an express-pouchdb server with no
// filtering (the baseline), in the same run: once over loopback and once through a TCP
// proxy holding both directions to 10 Mbit/s, like the city's slowest WAN links.
//
// Ours runs as the client does: the server filters by the user's scope, audits each page
// and compresses it; the client validates nothing it pulls (the server did), writes each
// page in one bulk write, and — in the "encrypted" run — encrypts the schemas' personal
// fields at rest as the app does. The baseline stores plain documents in PouchDB's
// in-memory adapter, so the like-for-like comparison is ours into RxDB's memory storage
// without encryption; the encrypted run shows what encryption at rest adds.
//
// Prints documents/s for each run, the time ratios ours/PouchDB (≤ 1.0: ours at least as
// fast) and last `RESULT sync_ratio=<the worse like-for-like ratio of the two links>
// sync_seconds_10mbit=<the app's encrypted first sync over 10 Mbit/s>`.
//
// Options: --persons N (default 3000), --batch N (pull page size, default 1000), --runs N
// (default 1: each figure is the median of N runs, ours and PouchDB interleaved).
import { parseArgs } from 'node:util';
import PouchDB from 'pouchdb-node';
import memoryAdapter from 'pouchdb-adapter-memory';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { generateDemoData } from '../shared/demo/index';
import { personOwnedCollections, type CollectionName } from '../shared/index';
import { createClientDatabase } from '../renderer/store/database';
import { createDataKey } from '../renderer/store/key-vault';
import { startSync } from '../renderer/sync/index';
import { centerDatabaseName } from '../server/storage/names';
import { startCouchProtocolServer } from '../tests/support/couch-protocol-server';
import { startTestServer } from '../tests/support/server';
import { startTcpProxy, type TcpProxy } from '../tests/support/tcp-proxy';

PouchDB.plugin(memoryAdapter);

const { values } = parseArgs({ options: { persons: { type: 'string', default: '3000' }, batch: { type: 'string', default: '1000' }, runs: { type: 'string', default: '1' } } });
const personCount = Number(values.persons);
const batchSize = Number(values.batch);
const runs = Math.max(1, Number(values.runs));
const tenMegabit = 10_000_000 / 8;

// One center's share: everything of center 01 (no masters: the baseline has one database).
const demo = generateDemoData({ persons: personCount, centerIds: ['01'], consultationsPerPerson: 8, activeShare: 1 });
const byCollection = new Map<CollectionName, Array<{ id: string }>>();
for (const name of personOwnedCollections) {
  const docs = (demo as unknown as Record<string, Array<{ id: string }> | undefined>)[name] ?? [];
  if (docs.length > 0) byCollection.set(name, docs);
}
const total = [...byCollection.values()].reduce((sum, docs) => sum + docs.length, 0);
const bytes = [...byCollection.values()].reduce((sum, docs) => sum + JSON.stringify(docs).length, 0);
console.log(`documents: ${total} of center 01 (${[...byCollection].map(([name, docs]) => `${name} ${docs.length}`).join(', ')}), ${(bytes / 1e6).toFixed(1)} MB as JSON`);
console.log(`pull page size: ${batchSize}; 10 Mbit/s = ${tenMegabit} bytes/s each way, through a TCP proxy`);

// --- our server, seeded straight into its per-center databases
const server = await startTestServer();
for (const [name, docs] of byCollection) {
  const db = await server.server.context.storage.open(centerDatabaseName(name, '01'));
  for (let i = 0; i < docs.length; i += 2000) await db.bulkWrite(docs.slice(i, i + 2000).map((doc) => ({ ...doc, _id: doc.id })));
}
const session = await server.login('chuo-cm1');

// --- the baseline: one CouchDB-protocol database holding the same documents
const couch = await startCouchProtocolServer();
const remoteName = 'center-01';
const seedRemote = new PouchDB(`${couch.url}/${remoteName}`);
const all = [...byCollection.values()].flat().map((doc) => ({ ...doc, _id: doc.id }));
for (let i = 0; i < all.length; i += 2000) await seedRemote.bulkDocs(all.slice(i, i + 2000));
await seedRemote.close();

const rxStorage = getRxStorageMemory();
let serial = 0;

interface Run {
  seconds: number;
  documents: number;
}

async function runOurs(url: string, encrypted: boolean): Promise<Run> {
  serial += 1;
  const db = await createClientDatabase({
    name: `bench-sync-${serial}`,
    storage: rxStorage,
    collections: [...byCollection.keys()],
    multiInstance: false,
    ...(encrypted ? { encryptionKey: createDataKey() } : {}),
  });
  const start = performance.now();
  const engine = startSync({ serverUrl: url, token: session.token, database: db, live: false, pullBatchSize: batchSize, actor: { userId: 'chuo-cm1', ...session.user } });
  await engine.awaitInSync();
  const seconds = (performance.now() - start) / 1000;
  let documents = 0;
  for (const name of byCollection.keys()) documents += await db.collections[name].count().exec();
  await engine.stop();
  await db.remove();
  return { seconds, documents };
}

async function runPouch(url: string): Promise<Run> {
  serial += 1;
  const local = new PouchDB(`bench-pouch-${serial}`, { adapter: 'memory' });
  const remote = new PouchDB(`${url}/${remoteName}`);
  const start = performance.now();
  await local.replicate.from(remote);
  const seconds = (performance.now() - start) / 1000;
  const { doc_count: documents } = await local.info();
  await remote.close();
  await local.destroy();
  return { seconds, documents };
}

function report(label: string, run: Run): Run {
  if (run.documents !== total) throw new Error(`${label}: ${run.documents} documents arrived, ${total} expected`);
  console.log(`${label.padEnd(44)} ${run.seconds.toFixed(2).padStart(7)} s  ${Math.round(run.documents / run.seconds).toString().padStart(7)} documents/s`);
  return run;
}

async function throughProxy<T>(port: number, task: (url: string) => Promise<T>): Promise<{ result: T; proxy: TcpProxy }> {
  const proxy = await startTcpProxy({ targetPort: port, bytesPerSecond: tenMegabit });
  try {
    return { result: await task(proxy.url), proxy };
  } finally {
    await proxy.close();
  }
}

// Warm-up (JIT, database files), not counted.
await runOurs(server.url, false);
await runPouch(couch.url);

/** The median run of `results` (by time). */
function median(results: Run[]): Run {
  const sorted = [...results].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const measured = { ours: [] as Run[], pouch: [] as Run[], encrypted: [] as Run[], slowOurs: [] as Run[], slowPouch: [] as Run[], slowEncrypted: [] as Run[] };
let bytesOurs = 0;
let bytesPouch = 0;
for (let run = 0; run < runs; run++) {
  measured.ours.push(await runOurs(server.url, false));
  measured.pouch.push(await runPouch(couch.url));
  measured.encrypted.push(await runOurs(server.url, true));
  const slowOurs = await throughProxy(server.server.port, (url) => runOurs(url, false));
  measured.slowOurs.push(slowOurs.result);
  bytesOurs = slowOurs.proxy.bytesDown;
  const slowPouch = await throughProxy(couch.port, (url) => runPouch(url));
  measured.slowPouch.push(slowPouch.result);
  bytesPouch = slowPouch.proxy.bytesDown;
  measured.slowEncrypted.push((await throughProxy(server.server.port, (url) => runOurs(url, true))).result);
}
if (runs > 1) console.log(`median of ${runs} runs each:`);
const ours = report('ours, loopback', median(measured.ours));
const pouch = report('PouchDB replication, loopback', median(measured.pouch));
const oursEncrypted = report('ours, loopback, encrypted at rest', median(measured.encrypted));
const slowOurs = report('ours, 10 Mbit/s', median(measured.slowOurs));
const slowPouch = report('PouchDB replication, 10 Mbit/s', median(measured.slowPouch));
const slowEncrypted = report('ours, 10 Mbit/s, encrypted at rest (the app)', median(measured.slowEncrypted));

console.log(`bytes to the client at 10 Mbit/s: ours ${(bytesOurs / 1e6).toFixed(1)} MB, PouchDB ${(bytesPouch / 1e6).toFixed(1)} MB`);
const ratio = ours.seconds / pouch.seconds;
const slowRatio = slowOurs.seconds / slowPouch.seconds;
console.log(`time ratio ours/PouchDB: loopback ${ratio.toFixed(2)}, 10 Mbit/s ${slowRatio.toFixed(2)} (≤ 1.0: ours at least as fast)`);
console.log(`encryption at rest costs: loopback ×${(oursEncrypted.seconds / ours.seconds).toFixed(2)}, 10 Mbit/s ×${(slowEncrypted.seconds / slowOurs.seconds).toFixed(2)}`);
console.log(`target: ratio ≤ 1.0 and under 60 s at 10 Mbit/s (the app's encrypted sync: ${slowEncrypted.seconds.toFixed(1)} s)`);

await server.close();
await couch.stop();
// The worse of the two ratios: the target is to be no slower than PouchDB on either link.
console.log(`RESULT sync_ratio=${Math.max(ratio, slowRatio).toFixed(2)} sync_seconds_10mbit=${slowEncrypted.seconds.toFixed(1)}`);
