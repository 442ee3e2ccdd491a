// A small database mirrored in memory (users, devices): every request checks its user
// and device, and a city has tens of each, not millions. One server process owns the
// database, so the mirror is written through and never stale.
import type { Database, StorageEngine } from '../storage/port';
import { fromStored, toStored } from './documents';
import { KeyedQueue } from './keyed-queue';

export class AlreadyExistsError extends Error {
  constructor(readonly id: string) {
    super(`already exists: ${id}`);
    this.name = 'AlreadyExistsError';
  }
}

export class MirroredStore<T extends { id: string }> {
  private readonly items = new Map<string, { item: T; rev: string }>();
  private readonly queue = new KeyedQueue();

  private constructor(private readonly db: Database) {}

  static async open<T extends { id: string }>(storage: StorageEngine, name: string): Promise<MirroredStore<T>> {
    const store = new MirroredStore<T>(await storage.open(name));
    for (const row of await store.db.allDocs({ includeDocs: true })) {
      if (row.doc) store.items.set(row.id, { item: fromStored<T>(row.doc), rev: row.rev });
    }
    return store;
  }

  get(id: string): T | undefined {
    return this.items.get(id)?.item;
  }

  list(): T[] {
    return [...this.items.values()].map((entry) => entry.item).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  get size(): number {
    return this.items.size;
  }

  create(item: T): Promise<T> {
    return this.queue.run(item.id, async () => {
      if (this.items.has(item.id)) throw new AlreadyExistsError(item.id);
      const { rev } = await this.db.put(toStored(item.id, item));
      this.items.set(item.id, { item, rev });
      return item;
    });
  }

  /** Applies `change` to the current version, one change per id at a time; undefined when absent. */
  update(id: string, change: (item: T) => T): Promise<T | undefined> {
    return this.queue.run(id, async () => {
      const current = this.items.get(id);
      if (!current) return undefined;
      const next = change(current.item);
      const { rev } = await this.db.put(toStored(id, next, current.rev));
      this.items.set(id, { item: next, rev });
      return next;
    });
  }

  remove(id: string): Promise<boolean> {
    return this.queue.run(id, async () => {
      const current = this.items.get(id);
      if (!current) return false;
      await this.db.remove(id, current.rev);
      this.items.delete(id);
      return true;
    });
  }
}
