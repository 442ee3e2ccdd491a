// Many watchers of one database share one live trigger: PouchDB gives every live feed its
// own listeners (Node warns past ten) and its own reads, and the server may watch a
// database once per live client. Each watcher keeps its own position and, when woken,
// reads the pages after it, so a watcher never misses or repeats a change.
import type { Change, ChangesPage, Sequence } from './port';

interface Watcher {
  cursor: Sequence;
  onChange: (change: Change) => void;
  onError: (error: Error) => void;
  reading: boolean;
  wokenWhileReading: boolean;
  stopped: boolean;
}

/**
 * Starts the trigger: it calls `wake` after every change later than the position it
 * starts from, which `ready` resolves once fixed, until `stop` is called.
 */
export type StartTrigger = (wake: () => void, onError: (error: Error) => void) => { ready: Promise<void>; stop: () => void };

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

export class SharedFeed {
  private readonly watchers = new Set<Watcher>();
  private trigger: { ready: Promise<void>; stop: () => void } | undefined;

  constructor(
    private readonly readPage: (since: Sequence) => Promise<ChangesPage>,
    private readonly startTrigger: StartTrigger,
  ) {}

  watch(since: Sequence, onChange: (change: Change) => void, onError: (error: Error) => void): () => void {
    const watcher: Watcher = { cursor: since, onChange, onError, reading: false, wokenWhileReading: false, stopped: false };
    this.watchers.add(watcher);
    this.trigger ??= this.startTrigger(
      () => this.watchers.forEach((w) => void this.catchUp(w)),
      (error) => this.watchers.forEach((w) => w.onError(error)),
    );
    // Read only once the trigger's start is fixed: what came before it is then in the
    // first read, what comes after wakes the watcher. No change falls in between.
    this.trigger.ready.then(
      () => this.catchUp(watcher),
      (error: unknown) => watcher.onError(asError(error)),
    );
    return () => {
      watcher.stopped = true;
      this.watchers.delete(watcher);
      if (this.watchers.size === 0) this.stopAll();
    };
  }

  stopAll(): void {
    this.watchers.forEach((watcher) => (watcher.stopped = true));
    this.watchers.clear();
    this.trigger?.stop();
    this.trigger = undefined;
  }

  private async catchUp(watcher: Watcher): Promise<void> {
    if (watcher.reading) {
      watcher.wokenWhileReading = true;
      return;
    }
    watcher.reading = true;
    try {
      do {
        watcher.wokenWhileReading = false;
        for (;;) {
          const page = await this.readPage(watcher.cursor);
          if (watcher.stopped) return;
          for (const change of page.results) {
            try {
              watcher.onChange(change);
            } catch (error) {
              watcher.onError(asError(error));
            }
          }
          watcher.cursor = page.lastSeq;
          if (page.complete) break;
        }
      } while (watcher.wokenWhileReading && !watcher.stopped);
    } catch (error) {
      // The next wake-up reads again from the same position.
      if (!watcher.stopped) watcher.onError(asError(error));
    } finally {
      watcher.reading = false;
    }
  }
}
