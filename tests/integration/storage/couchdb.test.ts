// The CouchDB engine through nano against a CouchDB-protocol server (express-pouchdb): the
// contract, plus what only a shared cluster has: the append-only rule enforced by the
// server itself, database-name prefixes, and a live watch that outlasts a server restart.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCouchStorage } from '../../../server/storage/couchdb';
import { createStorage, StorageForbiddenError, type Change, type StorageEngine } from '../../../server/storage/index';
import { startCouchProtocolServer, type CouchProtocolServer } from '../../support/couch-protocol-server';
import { describeStorageContract } from './contract';

describeStorageContract('couchdb (nano against express-pouchdb)', async () => {
  const couch = await startCouchProtocolServer();
  const engine = await createStorage({ kind: 'couchdb', url: couch.url, prefix: 'contract_' });
  return {
    engine,
    async dispose() {
      await engine.close();
      await couch.stop();
    },
  };
});

describe('couchdb engine on a shared server', () => {
  let couch: CouchProtocolServer;
  const engines: StorageEngine[] = [];
  const connect = async (prefix?: string) => {
    const engine = await createStorage({ kind: 'couchdb', url: couch.url, ...(prefix === undefined ? {} : { prefix }) });
    engines.push(engine);
    return engine;
  };
  /** Straight to the server, past the engine: what any other client of the cluster could send. */
  const raw = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${couch.url}/${path}`, {
      method,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    couch = await startCouchProtocolServer();
  });
  afterAll(async () => {
    for (const engine of engines) await engine.close();
    await couch?.stop();
  });

  it('installs validate_doc_update on an append-only database, and the server enforces it for every client', async () => {
    const storage = await connect('city1_');
    const audit = await storage.open('audit', { appendOnly: true });
    const entry = await audit.put({ _id: 'entry-1', operation: 'login', result: 'success' });

    const design = await raw('GET', 'city1_audit/_design/kizuna-append-only');
    expect(design.status).toBe(200);
    expect(design.body.validate_doc_update).toEqual(expect.stringContaining('forbidden'));

    const update = await raw('PUT', 'city1_audit/entry-1', { _id: 'entry-1', _rev: entry.rev, operation: 'login', result: 'failure' });
    expect(update).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    const removal = await raw('DELETE', `city1_audit/entry-1?rev=${entry.rev}`);
    expect(removal).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    const bulk = await raw('POST', 'city1_audit/_bulk_docs', { docs: [{ _id: 'entry-1', _rev: entry.rev, _deleted: true }] });
    expect(bulk.body).toEqual([expect.objectContaining({ id: 'entry-1', error: 'forbidden' })]);
    const appended = await raw('PUT', 'city1_audit/entry-2', { operation: 'read' });
    expect(appended.status).toBe(201);

    expect(await audit.get('entry-1')).toEqual({ _id: 'entry-1', _rev: entry.rev, operation: 'login', result: 'success' });
    // A second server process (another engine) sees the rule without being told.
    const other = await connect('city1_');
    const auditElsewhere = await other.open('audit');
    expect(auditElsewhere.appendOnly).toBe(true);
    await expect(auditElsewhere.remove('entry-1', entry.rev)).rejects.toBeInstanceOf(StorageForbiddenError);
  });

  it('keeps each prefix (each city) to its own databases on one cluster', async () => {
    const east = await connect('east_');
    const west = await connect('west_');
    await (await east.open('persons-01')).put({ _id: 'p-1', name: '架空 東子' });
    await (await west.open('persons-01')).put({ _id: 'p-1', name: '架空 西子' });
    await west.open('masters');

    expect(await (await east.open('persons-01')).get('p-1')).toMatchObject({ name: '架空 東子' });
    expect(await east.list()).toEqual(['persons-01']);
    expect(await west.list()).toEqual(['masters', 'persons-01']);
    expect(await east.exists('masters')).toBe(false);
    const allDbs = await fetch(`${couch.url}/_all_dbs`).then((r) => r.json() as Promise<string[]>);
    expect(allDbs).toEqual(expect.arrayContaining(['east_persons-01', 'west_persons-01', 'west_masters']));

    await west.destroy('persons-01');
    expect(await (await east.open('persons-01')).get('p-1')).toMatchObject({ name: '架空 東子' });
  });

  it('refuses a bad prefix or an unreachable server when it starts, saying which', async () => {
    await expect(createStorage({ kind: 'couchdb', url: couch.url, prefix: 'City_' })).rejects.toThrow(/prefix "City_"/);
    await expect(createStorage({ kind: 'couchdb', url: 'http://127.0.0.1:9' })).rejects.toThrow(/cannot reach CouchDB at http:\/\/127\.0\.0\.1:9/);
  });

  it('keeps watching through a restart of the server, reporting the outage', async () => {
    const dataDir = `${couch.dataDir}-restart`;
    let server = await startCouchProtocolServer({ dataDir });
    const { port } = server;
    const storage = await createCouchStorage(
      { url: server.url },
      { pollTimeoutMs: 60_000, deadConnectionGraceMs: 15_000, initialBackoffMs: 50, maxBackoffMs: 400 },
    );
    engines.push(storage);
    try {
      const db = await storage.open('consultations-03');
      const seen: Change[] = [];
      const errors: Error[] = [];
      const stop = db.watch((await db.info()).updateSeq, (c) => seen.push(c), (e) => errors.push(e));
      await db.put({ _id: 'before-restart' });
      await vi.waitFor(() => expect(seen.map((c) => c.id)).toEqual(['before-restart']), { timeout: 20_000 });

      await server.stop({ keepData: true });
      await vi.waitFor(() => expect(errors.length).toBeGreaterThan(0), { timeout: 20_000 });
      server = await startCouchProtocolServer({ dataDir, port });

      await db.put({ _id: 'after-restart' });
      await vi.waitFor(() => expect(seen.map((c) => c.id)).toEqual(['before-restart', 'after-restart']), { timeout: 30_000 });
      stop();
    } finally {
      await server.stop({ keepData: true });
      const { rm } = await import('node:fs/promises');
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
