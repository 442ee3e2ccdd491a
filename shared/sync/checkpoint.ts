// Replication checkpoints. The server stores a person's documents per center, so a pull
// reads one change feed per center in the user's scope, and the checkpoint is the
// position reached in each: `{ seqs: { '01': '1234', '03': '77' } }` (global collections
// use the one key `*`). Positions are the storage engine's opaque sequences, only ever
// passed back. The map is one nested object so that RxDB, which stacks checkpoints with
// a shallow assign, replaces it whole: a center that left the scope leaves the map.

export interface SyncCheckpoint {
  seqs: Readonly<Record<string, string>>;
}

/** The key of a global collection's single feed. */
export const globalFeedKey = '*';

/** The feed position before the first change (the storage port's `startOfFeed`). */
export const feedStart = '0';

const keyPattern = /^(\*|[A-Za-z0-9]{1,8})$/;

/** A checkpoint as a client sent it back: the shape is checked, the positions are the engine's to judge. */
export function isSyncCheckpoint(value: unknown): value is SyncCheckpoint {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const seqs = (value as { seqs?: unknown }).seqs;
  if (typeof seqs !== 'object' || seqs === null || Array.isArray(seqs)) return false;
  const entries = Object.entries(seqs);
  return entries.length <= 64 && entries.every(([key, seq]) => keyPattern.test(key) && typeof seq === 'string' && seq.length > 0 && seq.length <= 512);
}

/** Where to read each feed from: the checkpoint's position, or the start for a feed new to this client. */
export function positionsOf(checkpoint: SyncCheckpoint | null | undefined, keys: readonly string[]): Record<string, string> {
  const positions: Record<string, string> = {};
  for (const key of keys) positions[key] = checkpoint?.seqs[key] ?? feedStart;
  return positions;
}

/** Feeds the previous checkpoint had and the next one does not: a center that left the user's scope. */
export function droppedKeys(previous: SyncCheckpoint | null | undefined, next: SyncCheckpoint): string[] {
  return Object.keys(previous?.seqs ?? {}).filter((key) => !(key in next.seqs));
}
