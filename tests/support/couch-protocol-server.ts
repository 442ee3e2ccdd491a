// A CouchDB-protocol server in process: express-pouchdb (pouchdb-server's core) on the
// installed PouchDB and LevelDB. It stands in for the production CouchDB cluster, which
// cannot be installed here, so that the nano engine and anything replicating over the
// CouchDB protocol (the sync benchmark) talk real HTTP to a real server.
//
//   const couch = await startCouchProtocolServer();           // temporary data folder
//   const storage = await createStorage({ kind: 'couchdb', url: couch.url });
//   ...
//   await storage.close(); await couch.stop();                 // removes the folder
//
// Start it again on the same `dataDir` and `port` to simulate a restart of the cluster.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import PouchDB from 'pouchdb-node';

type ExpressPouchDB = (
  pouch: unknown,
  options: { mode: 'minimumForPouchDB'; overrideMode: { include: string[] } },
) => {
  listen(port: number, host: string): Server;
  dbWrapper: { registerWrapper(wrap: (name: string, db: PouchDB.Database, next: () => void) => void): void };
};

// express-pouchdb has no type declarations and is CommonJS.
const expressPouchDB = createRequire(import.meta.url)('express-pouchdb') as ExpressPouchDB;

export interface CouchProtocolServer {
  /** Base URL without credentials, e.g. http://127.0.0.1:41234 (no authentication). */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** Stops listening, drops open connections (long polls) and closes its databases. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export interface CouchProtocolServerOptions {
  /** Where its LevelDB folders live; a temporary folder (removed on stop) when absent. */
  dataDir?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
}

export async function startCouchProtocolServer(options: CouchProtocolServerOptions = {}): Promise<CouchProtocolServer> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'kizuna-couch-')));
  await mkdir(dataDir, { recursive: true });
  // prefix is a path prefix: LevelDB folders go to dataDir/<database>.
  const Pouch = PouchDB.defaults({ prefix: dataDir + path.sep } as PouchDB.Configuration.DatabaseConfiguration);
  // minimumForPouchDB keeps it small; 'validation' adds validate_doc_update (pouchdb-validation),
  // which the append-only audit database relies on.
  const app = expressPouchDB(Pouch, { mode: 'minimumForPouchDB', overrideMode: { include: ['validation'] } });
  // Each open _changes request listens on its database; a cluster does not warn of many.
  app.dbWrapper.registerWrapper((_name, db, next) => {
    db.setMaxListeners(0);
    next();
  });
  const server = app.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    async stop({ keepData = false } = {}) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      // express-pouchdb caches one PouchDB object per database on the class it was given.
      const cache = (Pouch as unknown as { __dbCacheMap?: Map<string, PouchDB.Database> }).__dbCacheMap;
      const open: PouchDB.Database[] = [];
      cache?.forEach((db) => open.push(db));
      await Promise.allSettled(open.map((db) => db.close()));
      if (ownsDataDir && !keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
