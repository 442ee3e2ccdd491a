// The servers bench/live.ts measures, in a process of their own so that the load the
// benchmark generates (a thousand clients' requests and streams) does not share a core
// with the server it measures. Started by bench/live.ts; prints one JSON line with the
// URLs, then runs until its standard input closes.
//
// - ours: the real server with the demo data (3,000 persons and their records over the
//   five centers), login rate limiting opened up for the simulated clients;
// - the baseline: a CouchDB-protocol server (express-pouchdb) holding center 01's persons
//   and consultations, as plain PouchDB replication would meet them.
import PouchDB from 'pouchdb-node';
import { generateDemoData } from '../../shared/demo/index';
import { startCouchProtocolServer } from '../../tests/support/couch-protocol-server';
import { startTestServer } from '../../tests/support/server';

const baselineDatabase = 'center-01';

const server = await startTestServer({ demoData: true, config: { loginRateLimit: { windowSeconds: 60, max: 10_000 } } });
const couch = await startCouchProtocolServer();
const demo = generateDemoData();
const docs = [...demo.persons, ...demo.consultations].filter((doc) => doc.centerId === '01').map((doc) => ({ ...doc, _id: doc.id }));
const remote = new PouchDB(`${couch.url}/${baselineDatabase}`);
for (let i = 0; i < docs.length; i += 2000) await remote.bulkDocs(docs.slice(i, i + 2000));
await remote.close();

process.stdout.write(`${JSON.stringify({ url: server.url, couchUrl: couch.url, baselineDatabase })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void Promise.all([server.close(), couch.stop()]).then(() => process.exit(0));
});
