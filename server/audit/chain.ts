// The audit log's hash chain (DESIGN.md decision 5). Each stored entry carries its
// position (`seq`), the previous entry's hash and its own hash over a canonical JSON
// (RFC 8785) of its content, so altering, removing, inserting or reordering entries
// anywhere breaks the chain at or right after the first bad entry.
//
// A hash chain alone can be rebuilt by whoever can write the data folder: change an
// entry, recompute every hash after it and the anchor. With an audit key (a secret kept
// outside the data folder, see key.ts) each entry and the anchor also carry a seal, an
// HMAC of the hash under that key, which nobody without the key can recompute.
import { createHash, createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AuditEntry } from '../../shared/index';

/** The `prevHash` of the first entry. */
export const genesisHash = '0'.repeat(64);

/** An entry as the chain stores it: appended, so seq, recordedAt and both hashes are set (the seal with a key). */
export type ChainedEntry = AuditEntry & { seq: number; recordedAt: string; prevHash: string; hash: string; seal?: string };

/** The server's audit key: the HMAC key of the seals. */
export type AuditKey = KeyObject;

/** Where the chain ends: the last entry's position and hash (seq 0 before the first). */
export interface ChainHead {
  seq: number;
  hash: string;
}

export const emptyHead: ChainHead = { seq: 0, hash: genesisHash };

const idDigits = 16; // Number.MAX_SAFE_INTEGER has 16 digits

/** Stored ids are the zero-padded position, so the database's id order is chain order. */
export function auditDocumentId(seq: number): string {
  return String(seq).padStart(idDigits, '0');
}

/** The entry's content without storage fields (`_id`, `_rev`…) and without its own hash and seal. */
export function hashedContent(entry: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) if (!key.startsWith('_') && key !== 'hash' && key !== 'seal') content[key] = value;
  return content;
}

function hmac(key: AuditKey, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

function sameHex(a: unknown, b: string): boolean {
  if (typeof a !== 'string') return false;
  const [x, y] = [new TextEncoder().encode(a), new TextEncoder().encode(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

/** An entry's seal: its hash (which covers its content and the chain before it) under the key. */
export function entrySeal(key: AuditKey, hash: string): string {
  return hmac(key, `entry:${hash}`);
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const arrayIndex = /^(0|[1-9][0-9]*)$/;

/**
 * The canonical text of an entry's content. Entries are flat objects of strings and
 * numbers, whose RFC 8785 form is JSON.stringify of the object with its keys sorted; that
 * is several times faster than the `canonicalize` package, whose recursion was the
 * largest part of appending a migration's hundreds of thousands of entries. Anything
 * else (nested values, and the values `canonicalize` refuses: NaN, infinities, lone
 * surrogates; keys JSON.stringify would reorder) goes through the package, so the text
 * and the refusals stay exactly the package's.
 */
function canonicalText(content: Record<string, unknown>): string | undefined {
  const keys = Object.keys(content).sort();
  const sorted: Record<string, unknown> = {};
  for (const key of keys) {
    const value = content[key];
    const plain =
      value === undefined ||
      value === null ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value)) ||
      (typeof value === 'string' && !loneSurrogate.test(value));
    if (!plain || arrayIndex.test(key) || loneSurrogate.test(key)) return canonicalize(content);
    if (value !== undefined) sorted[key] = value;
  }
  return JSON.stringify(sorted);
}

export function entryHash(entry: Readonly<Record<string, unknown>>): string {
  const text = canonicalText(hashedContent(entry));
  if (text === undefined) throw new Error('audit entry cannot be canonicalized');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Chains entries after `head`, in the given order. Entries that come without an id (the
 * server's own) take their stored id; clients' offline entries keep the id they made.
 */
export function chainEntries(entries: readonly AuditEntryDraft[], head: ChainHead, recordedAt: string, key?: AuditKey): ChainedEntry[] {
  const chained: ChainedEntry[] = [];
  let previous = head;
  for (const draft of entries) {
    const seq = previous.seq + 1;
    const { seq: _seq, prevHash: _prev, hash: _hash, seal: _seal, recordedAt: _recorded, id, ...content } = draft as AuditEntryDraft & { seal?: unknown };
    const withoutHash = { ...content, id: id ?? auditDocumentId(seq), seq, recordedAt, prevHash: previous.hash };
    const hash = entryHash(withoutHash);
    const entry = { ...withoutHash, hash, ...(key ? { seal: entrySeal(key, hash) } : {}) } as ChainedEntry;
    chained.push(entry);
    previous = { seq, hash: entry.hash };
  }
  return chained;
}

/** What callers hand to the log: an entry before the server has placed it in the chain. */
export type AuditEntryDraft = Omit<AuditEntry, 'id'> & { id?: string };

export type ChainBreakReason =
  | 'altered'
  | 'removed'
  | 'inserted'
  | 'reordered'
  | 'linkBroken'
  | 'truncated'
  | 'anchorMissing'
  /** The entry's seal is missing or not made with the key: rewritten by someone without it. */
  | 'sealBroken'
  /** The anchor's seal is not made with the key. */
  | 'anchorSealBroken'
  /** The anchor carries no seal although a key was given. */
  | 'anchorUnsealed';

export interface ChainBreak {
  /** The stored id of the first bad entry (for a removal: of the missing position). */
  id: string;
  seq: number;
  reason: ChainBreakReason;
}

export interface VerifyResult {
  ok: boolean;
  /** Entries checked and found good before the first bad one (all of them when ok). */
  entries: number;
  brokenAt?: ChainBreak;
}

/**
 * Walks stored entries in id order. Feed every stored document to `check`; the first
 * break it returns is the answer, and `finish` compares the end with the anchor the
 * server wrote when it last appended (so cutting entries off the end is seen too).
 */
export class ChainVerifier {
  private expected: ChainHead = emptyHead;
  private count = 0;

  /** With `seals`, entries from `seals.from` on must carry a seal made with `seals.key`, and any seal an entry carries must be one. */
  constructor(private readonly seals?: { key: AuditKey; from: number }) {}

  check(doc: Readonly<Record<string, unknown>>): ChainBreak | undefined {
    const storedId = String(doc._id ?? doc.id);
    const seq = typeof doc.seq === 'number' ? doc.seq : Number.NaN;
    const nextSeq = this.expected.seq + 1;
    if (!Number.isSafeInteger(seq) || storedId !== auditDocumentId(seq)) {
      // A document whose place and number disagree was put there by someone else.
      return { id: storedId, seq: nextSeq, reason: Number.isSafeInteger(seq) && seq > 0 ? 'reordered' : 'inserted' };
    }
    if (seq > nextSeq) return { id: auditDocumentId(nextSeq), seq: nextSeq, reason: 'removed' };
    if (seq < nextSeq) return { id: storedId, seq, reason: 'reordered' };
    if (doc.prevHash !== this.expected.hash) return { id: storedId, seq, reason: 'linkBroken' };
    if (typeof doc.hash !== 'string' || entryHash(doc) !== doc.hash) return { id: storedId, seq, reason: 'altered' };
    if (this.seals && (seq >= this.seals.from || doc.seal !== undefined) && !sameHex(doc.seal, entrySeal(this.seals.key, doc.hash))) return { id: storedId, seq, reason: 'sealBroken' };
    this.expected = { seq, hash: doc.hash };
    this.count += 1;
    return undefined;
  }

  /** The chain must end exactly where the anchor says (so cutting entries off the end is seen too). */
  finish(anchor: AuditAnchor | undefined): ChainBreak | undefined {
    const end = this.expected;
    // The anchor is written before the first entry and moved before every batch: entries
    // without one mean it was removed, which would hide entries cut off the end.
    if (!anchor) return end.seq === 0 ? undefined : { id: auditDocumentId(end.seq), seq: end.seq, reason: 'anchorMissing' };
    if (end.seq === anchor.seq && end.hash === anchor.hash) return undefined;
    if (end.seq < anchor.seq) return { id: auditDocumentId(end.seq + 1), seq: end.seq + 1, reason: 'truncated' };
    if (end.seq === anchor.seq) return { id: auditDocumentId(end.seq), seq: end.seq, reason: 'altered' };
    return { id: auditDocumentId(anchor.seq + 1), seq: anchor.seq + 1, reason: 'inserted' };
  }

  get entries(): number {
    return this.count;
  }
}

/**
 * Written (to `server_meta`) before each batch of entries: where the chain will end
 * after it, and where it ended before. A crash between the two writes leaves the chain
 * ending at `previous` or inside the batch; the server's next start sees that, and
 * records the interrupted write as an entry of its own (AuditLog.open), so the anchor
 * and the chain agree again and verification can stay strict.
 */
export interface AuditAnchor {
  seq: number;
  hash: string;
  previous: ChainHead;
  /** Set once the server runs with an audit key: entries from this position on are sealed. */
  sealedFrom?: number;
  /** HMAC of the fields above under the key, so the anchor cannot be moved without it. */
  seal?: string;
}

function anchorSealText(anchor: AuditAnchor): string {
  const text = canonicalize({ seq: anchor.seq, hash: anchor.hash, previous: { seq: anchor.previous.seq, hash: anchor.previous.hash }, sealedFrom: anchor.sealedFrom });
  if (text === undefined) throw new Error('audit anchor cannot be canonicalized');
  return text;
}

/** The anchor with its seal under `key`. */
export function sealAnchor(anchor: AuditAnchor, key: AuditKey): AuditAnchor {
  const { seal: _old, ...fields } = anchor;
  return { ...fields, seal: hmac(key, `anchor:${anchorSealText(fields)}`) };
}

/** Whether the anchor is sealed, and with this key. */
export function anchorSealValid(anchor: AuditAnchor, key: AuditKey): boolean {
  return anchor.sealedFrom !== undefined && sameHex(anchor.seal, sealAnchor(anchor, key).seal as string);
}
