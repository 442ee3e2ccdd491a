// The bytes of scanned documents and plan attachments. One database per center
// (`files-<center>`), the same scope as the person the file belongs to, so a file never
// reaches another center's users. Content-addressed: the document id is the SHA-256 of
// the bytes, so storing the same file twice stores it once, and every read can prove the
// bytes are the ones the `document.file.sha256` names.
import { createHash } from 'node:crypto';
import type { Database, StorageEngine, StoredDocument } from '../storage/port';

/** Node's Buffer and a plain Uint8Array alike (their declared types disagree under TS 5.9). */
export type Bytes = Buffer | Uint8Array;

export interface FilePayload {
  sha256: string;
  contentType: string;
  size: number;
  bytes: Bytes;
}

export interface StoredFile {
  sha256: string;
  contentType: string;
  size: number;
  bytes: Buffer;
}

export const filesDatabaseName = (centerId: string): string => {
  if (!/^[A-Za-z0-9]+$/.test(centerId)) throw new Error(`invalid center id ${JSON.stringify(centerId)}`);
  return `files-${centerId.toLowerCase()}`;
};

export const sha256Hex = (bytes: Bytes): string => createHash('sha256').update(bytes as NodeJS.ArrayBufferView).digest('hex');

const SHA256 = /^[0-9a-f]{64}$/;

export class FileIntegrityError extends Error {
  constructor(readonly sha256: string, reason: string) {
    super(`file ${sha256}: ${reason}`);
    this.name = 'FileIntegrityError';
  }
}

function decode(doc: StoredDocument): StoredFile | undefined {
  if (typeof doc.data !== 'string' || typeof doc.contentType !== 'string') return undefined;
  const bytes = Buffer.from(doc.data, 'base64');
  return { sha256: doc._id, contentType: doc.contentType, size: bytes.length, bytes };
}

export interface FileStore {
  /** Stores what is not there yet; returns how many were written. Bytes must hash to their sha256. */
  putFiles(centerId: string, files: readonly FilePayload[]): Promise<number>;
  /** The ones of `sha256s` the center's store already holds. */
  present(centerId: string, sha256s: readonly string[]): Promise<Set<string>>;
  /** Read back and re-hashed: true for each file whose stored bytes hash to its id. */
  verify(centerId: string, sha256s: readonly string[]): Promise<Map<string, boolean>>;
  /** A file's bytes, checked against its hash; undefined when absent. */
  get(centerId: string, sha256: string): Promise<StoredFile | undefined>;
}

export function createFileStore(engine: StorageEngine): FileStore {
  const open = (centerId: string): Promise<Database> => engine.open(filesDatabaseName(centerId));
  return {
    async putFiles(centerId, files) {
      if (files.length === 0) return 0;
      for (const file of files) {
        if (!SHA256.test(file.sha256) || sha256Hex(file.bytes) !== file.sha256) throw new FileIntegrityError(file.sha256, 'the bytes do not hash to this id');
      }
      const db = await open(centerId);
      const unique = [...new Map(files.map((f) => [f.sha256, f])).values()];
      const existing = await db.getMany(unique.map((f) => f.sha256));
      const missing = unique.filter((_, i) => existing[i] === undefined);
      const outcomes = await db.bulkWrite(
        missing.map((f) => ({ _id: f.sha256, contentType: f.contentType, size: f.bytes.length, data: Buffer.from(f.bytes).toString('base64') })),
      );
      // Another writer storing the same bytes at the same moment is no failure: same id, same content.
      const failed = outcomes.find((o) => !o.ok && o.error !== 'conflict');
      if (failed && !failed.ok) throw new FileIntegrityError(failed.id, failed.reason);
      return outcomes.filter((o) => o.ok).length;
    },
    async present(centerId, sha256s) {
      if (sha256s.length === 0) return new Set();
      if (!(await engine.exists(filesDatabaseName(centerId)))) return new Set();
      const db = await open(centerId);
      const docs = await db.getMany([...sha256s]);
      return new Set(docs.filter((d): d is StoredDocument => d !== undefined).map((d) => d._id));
    },
    async verify(centerId, sha256s) {
      const result = new Map<string, boolean>(sha256s.map((s) => [s, false]));
      if (sha256s.length === 0 || !(await engine.exists(filesDatabaseName(centerId)))) return result;
      const docs = await (await open(centerId)).getMany([...new Set(sha256s)]);
      for (const doc of docs) {
        const file = doc && decode(doc);
        if (file) result.set(file.sha256, sha256Hex(file.bytes) === file.sha256);
      }
      return result;
    },
    async get(centerId, sha256) {
      if (!SHA256.test(sha256) || !(await engine.exists(filesDatabaseName(centerId)))) return undefined;
      const doc = await (await open(centerId)).get(sha256);
      const file = doc && decode(doc);
      if (!file) return undefined;
      if (sha256Hex(file.bytes) !== sha256) throw new FileIntegrityError(sha256, 'the stored bytes no longer hash to this id');
      return file;
    },
  };
}
