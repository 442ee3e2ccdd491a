// A change feed kept alive over long polls: a cluster node restarting or a dropped
// connection must not end the server's live stream, so errors are reported and retried
// with exponential backoff until the watcher unsubscribes.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Change, Sequence } from './port';

export interface LongPollTuning {
  /** How long the server may hold a poll open when nothing changes. */
  pollTimeoutMs: number;
  /** A poll open this much longer than pollTimeoutMs is taken as a dead connection. */
  deadConnectionGraceMs: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

export const defaultLongPollTuning: LongPollTuning = {
  pollTimeoutMs: 60_000,
  deadConnectionGraceMs: 15_000,
  initialBackoffMs: 250,
  maxBackoffMs: 30_000,
};

export type FetchChanges = (since: Sequence, timeoutMs: number, signal: AbortSignal) => Promise<{ results: Change[]; lastSeq: Sequence }>;

/** Polls from `since` until the returned function is called; `onChanges` gets each non-empty poll. */
export function longPoll(
  fetchChanges: FetchChanges,
  since: Sequence,
  onChanges: (changes: Change[]) => void,
  onError: (error: Error) => void,
  tuning: LongPollTuning,
): () => void {
  const stop = new AbortController();
  const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

  async function run(): Promise<void> {
    let cursor = since;
    let backoff = tuning.initialBackoffMs;
    while (!stop.signal.aborted) {
      const deadline = AbortSignal.timeout(tuning.pollTimeoutMs + tuning.deadConnectionGraceMs);
      try {
        const page = await fetchChanges(cursor, tuning.pollTimeoutMs, AbortSignal.any([stop.signal, deadline]));
        if (stop.signal.aborted) return;
        cursor = page.lastSeq;
        if (page.results.length > 0) onChanges(page.results);
        backoff = tuning.initialBackoffMs;
      } catch (error) {
        if (stop.signal.aborted) return;
        // Not an error: some servers (express-pouchdb) never end an empty long poll.
        if (deadline.aborted) continue;
        onError(asError(error));
        await sleep(backoff, undefined, { signal: stop.signal }).catch(() => undefined);
        backoff = Math.min(backoff * 2, tuning.maxBackoffMs);
      }
    }
  }

  void run();
  return () => stop.abort();
}
