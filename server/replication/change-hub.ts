// One storage watch per database, shared by every live stream that needs it: a hundred
// connected devices of one center cost one change feed per database, not a hundred.
// A watch starts with its first listener and stops with its last.
import type { StorageEngine } from '../storage/port';

interface Watch {
  listeners: Set<() => void>;
  /** Resolves to the function that stops the storage watch. */
  stopping: Promise<() => void>;
}

export class ChangeHub {
  private readonly watches = new Map<string, Watch>();

  constructor(
    private readonly storage: StorageEngine,
    private readonly log: (line: string) => void,
  ) {}

  /** Calls `listener` after each change to `database` from now on; returns the unsubscribe. */
  subscribe(database: string, listener: () => void): () => void {
    let watch = this.watches.get(database);
    if (!watch) {
      const listeners = new Set<() => void>();
      const stopping = this.start(database, listeners);
      watch = { listeners, stopping };
      this.watches.set(database, watch);
    }
    watch.listeners.add(listener);
    const current = watch;
    return () => {
      current.listeners.delete(listener);
      if (current.listeners.size === 0 && this.watches.get(database) === current) {
        this.watches.delete(database);
        void current.stopping.then((stop) => stop());
      }
    };
  }

  private async start(database: string, listeners: Set<() => void>): Promise<() => void> {
    try {
      const db = await this.storage.open(database);
      const { updateSeq } = await db.info();
      return db.watch(
        updateSeq,
        () => {
          for (const listener of listeners) listener();
        },
        (error) => this.log(`replication stream: watching ${database} failed: ${error.message}`),
      );
    } catch (error) {
      this.log(`replication stream: cannot watch ${database}: ${(error as Error).message}`);
      return () => undefined;
    }
  }

  close(): void {
    for (const [database, watch] of this.watches) {
      this.watches.delete(database);
      void watch.stopping.then((stop) => stop());
    }
  }
}
