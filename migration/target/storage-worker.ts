// One storage side of `--data` (storage-target.ts), run in a worker thread: PouchDB's
// work (revisions, LevelDB batches, reads back, the audit chain) then runs beside the
// main thread, which reads and maps the next rows.
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigError } from '../../server/config/resolve';
import { openStorageSide, type StorageSide } from './storage-target';
import { decodeUnits } from './wire';

export type WorkerRequest =
  | { id: number; op: 'putFiles'; args: Parameters<StorageSide['putFiles']> }
  /** The units as JSON text (see worker-target.ts). */
  | { id: number; op: 'importBatchJson'; args: [string] }
  | { id: number; op: 'appendAudit'; args: Parameters<StorageSide['appendAudit']> }
  | { id: number; op: 'close'; args: [] };

export type WorkerAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string; setting?: boolean };

const port = parentPort;
if (!port) throw new Error('storage-worker.ts runs as a worker thread');
const { dataDir, user, ownsAudit, auditKeyFile } = workerData as { dataDir: string; user: string; ownsAudit: boolean; auditKeyFile?: string };

let side: StorageSide | undefined;
let opening: { message: string; setting: boolean } | undefined;
try {
  side = await openStorageSide(dataDir, user, ownsAudit, auditKeyFile);
} catch (error) {
  // A setting (the audit key) is named as such, not taken for a folder another process holds.
  opening = { message: (error as Error).message, setting: error instanceof ConfigError };
}
port.postMessage({ id: 0, ...(side ? { ok: true, value: null } : { ok: false, message: opening?.message ?? '', setting: opening?.setting ?? false }) } satisfies WorkerAnswer);

/** Batches written at once: the reader may send many ahead, which wait here as text. */
const maxWriting = 4;
let writing = 0;
const waiting: Array<() => void> = [];
async function inTurn<T>(task: () => Promise<T>): Promise<T> {
  if (writing >= maxWriting) await new Promise<void>((resolve) => waiting.push(resolve));
  writing++;
  try {
    return await task();
  } finally {
    writing--;
    waiting.shift()?.();
  }
}

port.on('message', (request: WorkerRequest) => {
  const run = async (): Promise<unknown> => {
    if (!side) throw new Error(opening?.message ?? 'storage not open');
    switch (request.op) {
      case 'putFiles':
        return side.putFiles(...request.args);
      case 'importBatchJson':
        return inTurn(() => (side as StorageSide).importBatch(decodeUnits(request.args[0])));
      case 'appendAudit':
        return side.appendAudit(...request.args);
      case 'close':
        await side.close();
        return null;
    }
  };
  run().then(
    (value) => port.postMessage({ id: request.id, ok: true, value } satisfies WorkerAnswer),
    (error: unknown) => port.postMessage({ id: request.id, ok: false, message: (error as Error).message } satisfies WorkerAnswer),
  );
});
