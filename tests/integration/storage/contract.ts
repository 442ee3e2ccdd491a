// The storage port's contract: one suite that every engine must pass (DESIGN.md decision
// 6), so that what the server relies on is tested on the embedded store and on the
// CouchDB protocol alike. Each engine's test file calls describeStorageContract.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  centerDatabaseName,
  globalDatabases,
  InvalidDatabaseNameError,
  startOfFeed,
  StorageConflictError,
  StorageForbiddenError,
  StorageInvalidError,
  type Change,
  type Database,
  type StorageEngine,
  type StoredDocument,
} from '../../../server/storage/index';

export interface EngineUnderTest {
  engine: StorageEngine;
  dispose(): Promise<void>;
}

/** Reads the whole feed from `since` in pages of `limit`. */
export async function readFeed(db: Database, since: string, limit: number, includeDocs = true) {
  const pages: Array<{ results: Change[]; lastSeq: string; complete: boolean }> = [];
  let cursor = since;
  for (;;) {
    const page = await db.changes({ since: cursor, limit, includeDocs });
    pages.push(page);
    cursor = page.lastSeq;
    if (page.complete) return pages;
    if (pages.length > 1000) throw new Error('the change feed never completes');
  }
}

const ids = (changes: readonly Change[]): string[] => changes.map((c) => c.id);

export function describeStorageContract(label: string, start: () => Promise<EngineUnderTest>): void {
  describe(`storage contract: ${label}`, () => {
    let target: EngineUnderTest;
    let engine: StorageEngine;
    let counter = 0;
    /** A database of its own for each test, so tests never see each other's documents. */
    const fresh = (options?: { appendOnly?: boolean }) => engine.open(`contract-${++counter}`, options);

    beforeAll(async () => {
      target = await start();
      engine = target.engine;
    });
    afterAll(async () => {
      await target?.dispose();
    });

    it('creates, reads and updates a document by its revision', async () => {
      const db = await fresh();
      const created = await db.put({ _id: 'person-1', name: '架空 花子', visits: 1 });
      expect(created.id).toBe('person-1');
      expect(created.rev).toMatch(/^1-/);
      expect(await db.get('person-1')).toEqual({ _id: 'person-1', _rev: created.rev, name: '架空 花子', visits: 1 });

      const updated = await db.put({ _id: 'person-1', _rev: created.rev, name: '架空 花子', visits: 2 });
      expect(updated.rev).toMatch(/^2-/);
      expect(await db.get('person-1')).toMatchObject({ _rev: updated.rev, visits: 2 });
      expect(await db.get('nobody')).toBeUndefined();
    });

    it('refuses a stale or missing revision as a conflict and keeps the stored document', async () => {
      const db = await fresh();
      const first = await db.put({ _id: 'c-1', note: 'first' });
      const second = await db.put({ _id: 'c-1', _rev: first.rev, note: 'second' });

      await expect(db.put({ _id: 'c-1', _rev: first.rev, note: 'stale' })).rejects.toBeInstanceOf(StorageConflictError);
      await expect(db.put({ _id: 'c-1', note: 'no revision' })).rejects.toBeInstanceOf(StorageConflictError);
      await expect(db.put({ _id: 'never-written', _rev: first.rev })).rejects.toBeInstanceOf(StorageConflictError);
      await expect(db.remove('c-1', first.rev)).rejects.toBeInstanceOf(StorageConflictError);
      expect(await db.get('c-1')).toMatchObject({ _rev: second.rev, note: 'second' });
      expect(await db.get('never-written')).toBeUndefined();
    });

    it('refuses reserved ids and fields as invalid without storing anything', async () => {
      const db = await fresh();
      await expect(db.put({ _id: '_design/mine', views: {} })).rejects.toBeInstanceOf(StorageInvalidError);
      await expect(db.put({ _id: 'x', _attachments: {} })).rejects.toBeInstanceOf(StorageInvalidError);
      await expect(db.put({ _id: '' })).rejects.toBeInstanceOf(StorageInvalidError);
      await expect(db.put({ _id: 'x', _rev: 'not-a-revision' })).rejects.toBeInstanceOf(StorageInvalidError);
      expect((await db.info()).docCount).toBe(0);
    });

    it('writes a batch row by row: one bad row does not fail the others', async () => {
      const db = await fresh();
      const existing = await db.put({ _id: 'kept', v: 1 });
      const stale = await db.put({ _id: 'stale', v: 1 });
      await db.put({ _id: 'stale', _rev: stale.rev, v: 2 });

      const outcomes = await db.bulkWrite([
        { _id: 'new-1', v: 1 },
        { _id: 'stale', _rev: stale.rev, v: 3 },
        { _id: '_bad', v: 1 },
        { _id: 'kept', _rev: existing.rev, v: 2 },
        { _id: 'new-1', v: 99 },
        { v: 1 } as unknown as StoredDocument,
        { _id: 'new-2', v: 1 },
      ]);

      expect(outcomes.map((o) => (o.ok ? 'ok' : o.error))).toEqual(['ok', 'conflict', 'invalid', 'ok', 'conflict', 'invalid', 'ok']);
      expect(outcomes.map((o) => o.id)).toEqual(['new-1', 'stale', '_bad', 'kept', 'new-1', '', 'new-2']);
      const [newOne, staleDoc, kept, newTwo] = await db.getMany(['new-1', 'stale', 'kept', 'new-2']);
      expect(newOne).toMatchObject({ v: 1, _rev: outcomes[0]?.ok ? outcomes[0].rev : 'missing' });
      expect(staleDoc).toMatchObject({ v: 2 });
      expect(kept).toMatchObject({ v: 2 });
      expect(newTwo).toMatchObject({ v: 1 });
      expect((await db.info()).docCount).toBe(4);
      expect(await db.bulkWrite([])).toEqual([]);
    });

    it('removes a document as a tombstone that the change feed carries', async () => {
      const db = await fresh();
      const seq = (await db.info()).updateSeq;
      const written = await db.put({ _id: 'gone', name: '架空 太郎' });
      await db.put({ _id: 'stays' });
      const removed = await db.remove('gone', written.rev);
      expect(removed.rev).toMatch(/^2-/);

      expect(await db.get('gone')).toBeUndefined();
      expect(await db.getMany(['gone', 'stays'])).toEqual([undefined, expect.objectContaining({ _id: 'stays' })]);
      expect((await db.allDocs({ includeDocs: false })).map((r) => r.id)).toEqual(['stays']);
      expect((await db.info()).docCount).toBe(1);

      const [page] = await readFeed(db, seq, 100);
      const tombstone = page?.results.find((c) => c.id === 'gone');
      expect(tombstone).toMatchObject({ id: 'gone', deleted: true, doc: { _id: 'gone', _rev: removed.rev, _deleted: true } });
    });

    it('reads many documents at once, in the order asked, missing ones as undefined', async () => {
      const db = await fresh();
      await db.bulkWrite([{ _id: 'a', n: 1 }, { _id: 'b', n: 2 }, { _id: 'c', n: 3 }]);
      const docs = await db.getMany(['c', 'missing', 'a', 'c', '_design/x']);
      expect(docs.map((d) => d?.n)).toEqual([3, undefined, 1, 3, undefined]);
      expect(docs[0]).toHaveProperty('_rev');
      expect(await db.getMany([])).toEqual([]);
    });

    it('lists documents by id range, with limits and in both directions', async () => {
      const db = await fresh();
      await db.bulkWrite(['e', 'a', 'd', 'b', 'c'].map((id) => ({ _id: id, letter: id.toUpperCase() })));

      const all = await db.allDocs({ includeDocs: false });
      expect(all.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(all.every((r) => r.doc === undefined && /^1-/.test(r.rev))).toBe(true);

      const range = await db.allDocs({ startKey: 'b', endKey: 'd', includeDocs: true });
      expect(range.map((r) => r.doc?.letter)).toEqual(['B', 'C', 'D']);
      expect((await db.allDocs({ startKey: 'b', limit: 2, includeDocs: false })).map((r) => r.id)).toEqual(['b', 'c']);
      expect((await db.allDocs({ descending: true, limit: 2, includeDocs: false })).map((r) => r.id)).toEqual(['e', 'd']);
      expect((await db.allDocs({ startKey: 'x', includeDocs: false })).length).toBe(0);
    });

    it('pages through the change feed: each id once at its latest revision, resumable from any page', async () => {
      const db = await fresh();
      const before = (await db.info()).updateSeq;
      const docs = Array.from({ length: 23 }, (_, i) => ({ _id: `doc-${String(i).padStart(2, '0')}`, round: 1 }));
      const written = await db.bulkWrite(docs);
      const revs = new Map(written.map((o) => [o.id, o.ok ? o.rev : '']));
      // Rewrite some so that their older changes must not be delivered again.
      const again = await db.bulkWrite(['doc-03', 'doc-10', 'doc-20'].map((id) => ({ _id: id, _rev: revs.get(id), round: 2 })));
      again.forEach((o) => revs.set(o.id, o.ok ? o.rev : ''));
      const removed = await db.remove('doc-07', revs.get('doc-07') ?? '');
      revs.set('doc-07', removed.rev);

      const pages = await readFeed(db, before, 5);
      const results = pages.flatMap((p) => p.results);
      expect(results.length).toBe(23);
      expect(new Set(ids(results)).size).toBe(23);
      expect(pages.slice(0, -1).every((p) => !p.complete && p.results.length === 5)).toBe(true);
      expect(pages.at(-1)?.complete).toBe(true);
      for (const change of results) {
        expect(change.doc?._rev).toBe(revs.get(change.id));
        expect(change.deleted).toBe(change.id === 'doc-07');
      }
      // The rewritten ones come last, in the order they were written.
      expect(ids(results).slice(-4)).toEqual(['doc-03', 'doc-10', 'doc-20', 'doc-07']);

      // Resuming from any page's lastSeq gives exactly what followed it.
      for (const [index, page] of pages.entries()) {
        const rest = (await readFeed(db, page.lastSeq, 7, false)).flatMap((p) => p.results);
        expect(ids(rest)).toEqual(ids(pages.slice(index + 1).flatMap((p) => p.results)));
        expect(rest.every((c) => c.doc === undefined)).toBe(true);
      }

      const end = pages.at(-1)?.lastSeq ?? startOfFeed;
      await db.put({ _id: 'later' });
      const next = await db.changes({ since: end, limit: 10, includeDocs: true });
      expect(ids(next.results)).toEqual(['later']);
      expect(next.complete).toBe(true);
      const idle = await db.changes({ since: next.lastSeq, limit: 10, includeDocs: true });
      expect(idle).toEqual({ results: [], lastSeq: next.lastSeq, complete: true });
    });

    it('watches live changes until unsubscribed', async () => {
      const db = await fresh();
      await db.put({ _id: 'before-watch' });
      const since = (await db.info()).updateSeq;
      const stopped: Change[] = [];
      const running: Change[] = [];
      const errors: Error[] = [];
      const stopEarly = db.watch(since, (c) => stopped.push(c), (e) => errors.push(e));
      const stopLater = db.watch(since, (c) => running.push(c), (e) => errors.push(e));

      const first = await db.put({ _id: 'live-1', n: 1 });
      await db.bulkWrite([{ _id: 'live-2' }, { _id: 'live-1', _rev: first.rev, n: 2 }]);
      await vi.waitFor(() => expect(new Set(ids(running))).toEqual(new Set(['live-1', 'live-2'])), { timeout: 20_000 });
      await vi.waitFor(() => expect(new Set(ids(stopped))).toEqual(new Set(['live-1', 'live-2'])), { timeout: 20_000 });
      expect(running.every((c) => c.deleted === false && typeof c.seq === 'string')).toBe(true);

      stopEarly();
      const seenWhenStopped = stopped.length;
      await db.put({ _id: 'after-stop-1' });
      await vi.waitFor(() => expect(ids(running)).toContain('after-stop-1'), { timeout: 20_000 });
      await db.put({ _id: 'after-stop-2' });
      await vi.waitFor(() => expect(ids(running)).toContain('after-stop-2'), { timeout: 20_000 });
      stopLater();
      expect(stopped.length).toBe(seenWhenStopped);
      expect(ids(stopped)).not.toContain('after-stop-1');
      expect(errors).toEqual([]);
    });

    it('serves many watchers of one database, each from its own position, once per change', async () => {
      const db = await fresh();
      const warnings: Error[] = [];
      const onWarning = (warning: Error) => warnings.push(warning);
      process.on('warning', onWarning);
      try {
        await db.put({ _id: 'a' });
        const early = (await db.info()).updateSeq;
        await db.put({ _id: 'b' });
        const late = (await db.info()).updateSeq;
        const watchers = Array.from({ length: 12 }, (_, i) => ({ since: i % 2 === 0 ? early : late, seen: [] as string[], stop: () => {} }));
        for (const w of watchers) w.stop = db.watch(w.since, (c) => w.seen.push(c.id));
        await db.bulkWrite([{ _id: 'c' }, { _id: 'd' }]);
        await db.put({ _id: 'e' });
        await vi.waitFor(
          () => {
            for (const [i, w] of watchers.entries()) expect(w.seen.sort()).toEqual(i % 2 === 0 ? ['b', 'c', 'd', 'e'] : ['c', 'd', 'e']);
          },
          { timeout: 20_000 },
        );
        for (const w of watchers) w.stop();
      } finally {
        process.off('warning', onWarning);
      }
      expect(warnings.map((w) => w.message)).toEqual([]);
    });

    it('counts live documents and advances the update sequence', async () => {
      const db = await fresh();
      const empty = await db.info();
      expect(empty.docCount).toBe(0);
      expect(empty.name).toBe(db.name);
      await db.bulkWrite([{ _id: 'one' }, { _id: 'two' }]);
      const two = await db.info();
      expect(two.docCount).toBe(2);
      expect(two.updateSeq).not.toBe(empty.updateSeq);
      const page = await db.changes({ since: empty.updateSeq, limit: 10, includeDocs: false });
      expect(page.lastSeq).toBe(two.updateSeq);
    });

    it('names databases as DEVELOPERS.md says and refuses invalid names', async () => {
      expect(centerDatabaseName('consultations', '01')).toBe('consultations-01');
      expect(centerDatabaseName('persons', 'cityHall')).toBe('persons-cityhall');
      expect(centerDatabaseName('basicChecklists', '05')).toBe('basicchecklists-05');
      expect(() => centerDatabaseName('masters', '01')).toThrow(/not stored per center/);
      expect(() => centerDatabaseName('persons', '../01')).toThrow(/invalid center id/);

      const centerDb = await engine.open(centerDatabaseName('lifeSupportSurveys', 'cityHall'));
      expect(centerDb.name).toBe('lifesupportsurveys-cityhall');
      const serverMeta = await engine.open(globalDatabases.serverMeta);
      expect(serverMeta.name).toBe('server_meta');
      expect(await engine.list()).toEqual(expect.arrayContaining(['lifesupportsurveys-cityhall', 'server_meta']));

      for (const bad of ['', 'Persons-01', '_users', '01-persons', 'a/b', 'a b', '../etc', 'x'.repeat(239)]) {
        await expect(engine.open(bad), bad).rejects.toBeInstanceOf(InvalidDatabaseNameError);
        expect(await engine.exists(bad)).toBe(false);
      }
    });

    it('lists, tells apart and destroys databases', async () => {
      const kept = await engine.open('lifecycle-kept');
      const doomed = await engine.open('lifecycle-doomed');
      await doomed.put({ _id: 'will-vanish' });
      await kept.put({ _id: 'stays' });
      expect(await engine.exists('lifecycle-doomed')).toBe(true);
      expect(await engine.exists('lifecycle-never')).toBe(false);
      expect(await engine.list()).toEqual(expect.arrayContaining(['lifecycle-kept', 'lifecycle-doomed']));
      expect(await engine.list()).not.toContain('lifecycle-never');

      await engine.destroy('lifecycle-doomed');
      expect(await engine.exists('lifecycle-doomed')).toBe(false);
      expect(await engine.list()).not.toContain('lifecycle-doomed');
      await engine.destroy('lifecycle-never');

      const reborn = await engine.open('lifecycle-doomed');
      expect(await reborn.get('will-vanish')).toBeUndefined();
      expect((await reborn.info()).docCount).toBe(0);
      expect(await (await engine.open('lifecycle-kept')).get('stays')).toMatchObject({ _id: 'stays' });
    });

    it('keeps an append-only database append-only: new documents in, no change or deletion', async () => {
      const db = await fresh({ appendOnly: true });
      expect(db.appendOnly).toBe(true);
      const entry = await db.put({ _id: 'entry-1', operation: 'read', hash: 'aa' });
      const first = await db.put({ _id: 'entry-0', operation: 'login', hash: '00' });

      await expect(db.put({ _id: 'entry-1', _rev: entry.rev, operation: 'read', hash: 'bb' })).rejects.toBeInstanceOf(
        StorageForbiddenError,
      );
      await expect(db.remove('entry-1', entry.rev)).rejects.toBeInstanceOf(StorageForbiddenError);
      await expect(db.put({ _id: 'entry-1', hash: 'cc' })).rejects.toThrow();

      const outcomes = await db.bulkWrite([
        { _id: 'entry-2', hash: 'dd' },
        { _id: 'entry-1', _rev: entry.rev, hash: 'ee' },
        { _id: 'entry-0', _rev: first.rev, _deleted: true },
        { _id: 'entry-3', hash: 'ff' },
      ]);
      expect(outcomes.map((o) => (o.ok ? 'ok' : o.error))).toEqual(['ok', 'forbidden', 'forbidden', 'ok']);
      expect(outcomes[1]).toMatchObject({ reason: expect.stringMatching(/append-only/) });

      expect(await db.get('entry-1')).toEqual({ _id: 'entry-1', _rev: entry.rev, operation: 'read', hash: 'aa' });
      expect(await db.get('entry-0')).toEqual({ _id: 'entry-0', _rev: first.rev, operation: 'login', hash: '00' });
      // The rule itself (a design document or a marker) is not one of the documents.
      const all = ['entry-0', 'entry-1', 'entry-2', 'entry-3'];
      expect((await db.allDocs({ includeDocs: false })).map((r) => r.id)).toEqual(all);
      expect((await db.allDocs({ limit: 2, includeDocs: false })).map((r) => r.id)).toEqual(['entry-0', 'entry-1']);
      expect((await db.info()).docCount).toBe(4);
      const feed = (await readFeed(db, startOfFeed, 2)).flatMap((p) => p.results);
      expect(ids(feed)).toEqual(['entry-1', 'entry-0', 'entry-2', 'entry-3']);

      // Opened again without asking, it is still append-only; other databases are not.
      const again = await engine.open(db.name);
      expect(again.appendOnly).toBe(true);
      await expect(again.put({ _id: 'entry-2', _rev: outcomes[0]?.ok ? outcomes[0].rev : '', hash: 'gg' })).rejects.toBeInstanceOf(
        StorageForbiddenError,
      );
      const ordinary = await fresh();
      expect(ordinary.appendOnly).toBe(false);
    });

    it('makes an existing database append-only when opened so', async () => {
      const plain = await fresh();
      const written = await plain.put({ _id: 'old', v: 1 });
      const ruled = await engine.open(plain.name, { appendOnly: true });
      expect(ruled.appendOnly).toBe(true);
      await expect(ruled.put({ _id: 'old', _rev: written.rev, v: 2 })).rejects.toBeInstanceOf(StorageForbiddenError);
      expect(await ruled.put({ _id: 'new', v: 1 })).toMatchObject({ id: 'new' });
    });
  });
}
