import { useEffect, useState } from 'react';
import type { KizunaDocument } from '../../../shared/index';
import type { ClientDatabase } from '../../store/database';
import { toHex } from '../../store/base64';
import { pinnedFilesOf } from '../../store/pinned-files';

// Files pinned to this device for a home visit (DESIGN.md decision 7). A pin is only as
// good as the document it belongs to: it goes when the document leaves the device (a
// deletion, a person moved to another center) and is ignored, then dropped, when the
// document now names another file.

export class PinnedFileMismatchError extends Error {
  constructor(readonly documentId: string) {
    super(`the file received for ${documentId} is not the one the document names`);
    this.name = 'PinnedFileMismatchError';
  }
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return toHex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes)));
}

/** Keeps `bytes` as the document's file on this device, once they prove to be that file. */
export async function pinFile(db: ClientDatabase, doc: KizunaDocument, bytes: Uint8Array<ArrayBuffer>, userId: string, now = new Date()): Promise<void> {
  if (!doc.file || (await sha256Hex(bytes)) !== doc.file.sha256) throw new PinnedFileMismatchError(doc.id);
  await pinnedFilesOf(db).put(
    { id: doc.id, personId: doc.personId, centerId: doc.centerId, sha256: doc.file.sha256, contentType: doc.file.contentType, size: bytes.length, userId, pinnedAt: now.toISOString() },
    bytes,
  );
}

export function unpinFile(db: ClientDatabase, documentId: string): Promise<void> {
  return pinnedFilesOf(db).remove(documentId);
}

/** The pinned bytes of the document's current file, or undefined (a stale pin is dropped). */
export async function pinnedBytes(db: ClientDatabase, doc: KizunaDocument): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const store = pinnedFilesOf(db);
  const found = await store.get(doc.id);
  if (!found) return undefined;
  if (found.pin.sha256 !== doc.file?.sha256) {
    await store.remove(doc.id);
    return undefined;
  }
  return found.bytes;
}

/** The ids of a person's pinned documents, kept current. */
export function usePinnedIds(db: ClientDatabase, personId: string): ReadonlySet<string> {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => pinnedFilesOf(db).watchPerson(personId, setIds), [db, personId]);
  return ids;
}

/**
 * Drops pins whose document is gone or names another file, now and whenever the sync
 * changes or removes a document. Returns the function that stops watching.
 */
export function keepPinsWithTheirDocuments(db: ClientDatabase): () => void {
  const store = pinnedFilesOf(db);
  const prune = async (): Promise<void> => {
    const pins = await store.list();
    if (pins.length === 0) return;
    const documents = await db.documents.findByIds(pins.map((pin) => pin.id)).exec();
    for (const pin of pins) {
      const doc = documents.get(pin.id);
      if (!doc || doc.file?.sha256 !== pin.sha256) await store.remove(pin.id);
    }
  };
  // One prune at a time; events during one ask for one more after it, not one each.
  let running: Promise<void> | undefined;
  let again = false;
  const schedule = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = prune()
      .catch((error: unknown) => console.error('pinned files not pruned', error))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          schedule();
        }
      });
  };
  schedule();
  const subscription = db.documents.$.subscribe((event) => {
    if (event.operation !== 'INSERT') schedule();
  });
  return () => subscription.unsubscribe();
}
