// The handle cache both engines keep: the server opens each database once and reuses the
// handle; two callers opening the same name at the same moment share one opening.
import { assertValidDatabaseName } from './names';
import type { OpenOptions } from './port';

export interface OpenableDatabase {
  makeAppendOnly(): Promise<void>;
}

export class OpenDatabases<T extends OpenableDatabase> {
  private readonly handles = new Map<string, Promise<T>>();
  private closed = false;

  constructor(private readonly openDatabase: (name: string) => Promise<T>) {}

  async open(name: string, options: OpenOptions = {}): Promise<T> {
    assertValidDatabaseName(name);
    if (this.closed) throw new Error('storage is closed');
    let opening = this.handles.get(name);
    if (!opening) {
      opening = this.openDatabase(name);
      this.handles.set(name, opening);
      opening.catch(() => this.handles.delete(name));
    }
    const database = await opening;
    if (options.appendOnly) await database.makeAppendOnly();
    return database;
  }

  /** Forgets the handle of `name` (before destroying it); undefined when it was not open. */
  async forget(name: string): Promise<T | undefined> {
    const opening = this.handles.get(name);
    this.handles.delete(name);
    return opening?.catch(() => undefined);
  }

  /** Refuses further opens and hands back every open handle, for the engine to release. */
  async closeAll(): Promise<T[]> {
    this.closed = true;
    const settled = await Promise.allSettled([...this.handles.values()]);
    this.handles.clear();
    return settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  }
}
