import { describe, expect, it } from 'vitest';
import { auditDocumentId, ChainVerifier, chainEntries, emptyHead, entryHash, type ChainedEntry } from '../../../server/audit/chain';

const draft = (n: number) => ({
  at: `2026-10-01T0${n % 10}:00:00.000Z`,
  userId: 'chuo-cm1',
  menu: '相談記録',
  operation: 'read' as const,
  targetPersonId: `person-${n}`,
  result: 'success' as const,
});

/** Stored form: the engine's `_id` is the zero-padded position. */
const stored = (entries: ChainedEntry[]) => entries.map((e) => ({ ...e, _id: auditDocumentId(e.seq) }));

function verify(docs: Array<Record<string, unknown>>) {
  const verifier = new ChainVerifier();
  for (const doc of docs) {
    const broken = verifier.check(doc);
    if (broken) return { ok: false, entries: verifier.entries, brokenAt: broken };
  }
  return { ok: true, entries: verifier.entries };
}

describe('audit hash chain', () => {
  const entries = chainEntries([1, 2, 3, 4, 5].map(draft), emptyHead, '2026-10-01T10:00:00.000Z');

  it('links each entry to the one before and numbers them from 1', () => {
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[0]?.prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < entries.length; i++) expect(entries[i]?.prevHash).toBe(entries[i - 1]?.hash);
    expect(entries[0]?.id).toBe('0000000000000001');
    expect(verify(stored(entries))).toEqual({ ok: true, entries: 5 });
  });

  it('hashes a canonical form, so key order does not matter and content does', () => {
    const first = entries[0] as ChainedEntry;
    const reversed = Object.fromEntries(Object.entries(first).reverse());
    expect(entryHash(reversed)).toBe(first.hash);
    expect(entryHash({ ...first, userId: 'minami-cm1' })).not.toBe(first.hash);
  });

  it('continues a chain across batches and keeps a client id', () => {
    const last = entries[4] as ChainedEntry;
    const more = chainEntries([{ ...draft(6), id: 'client-entry-1', offline: true }], { seq: last.seq, hash: last.hash }, '2026-10-02T00:00:00.000Z');
    expect(more[0]).toMatchObject({ seq: 6, id: 'client-entry-1', prevHash: last.hash, offline: true });
    expect(verify(stored([...entries, ...more]))).toEqual({ ok: true, entries: 6 });
  });

  it('names an altered entry', () => {
    const docs = stored(entries);
    docs[2] = { ...docs[2]!, userId: 'someone-else' };
    expect(verify(docs)).toMatchObject({ ok: false, entries: 2, brokenAt: { seq: 3, id: '0000000000000003', reason: 'altered' } });
  });

  it('names the entry after one altered with its hash recomputed', () => {
    const docs = stored(entries);
    const forged = { ...docs[2]!, userId: 'someone-else' };
    docs[2] = { ...forged, hash: entryHash(forged) };
    expect(verify(docs)).toMatchObject({ ok: false, brokenAt: { seq: 4, reason: 'linkBroken' } });
  });

  it('names the position of a removed entry', () => {
    const docs = stored(entries).filter((d) => d.seq !== 3);
    expect(verify(docs)).toMatchObject({ ok: false, entries: 2, brokenAt: { seq: 3, id: '0000000000000003', reason: 'removed' } });
  });

  it('names an inserted entry', () => {
    const docs: Array<Record<string, unknown>> = stored(entries);
    docs.splice(2, 0, { ...docs[1], _id: '00000000000000025' });
    expect(verify(docs)).toMatchObject({ ok: false, entries: 2, brokenAt: { id: '00000000000000025' } });
  });

  it('names reordered entries', () => {
    const docs = stored(entries);
    const [a, b] = [docs[1]!, docs[2]!];
    docs[1] = { ...b, _id: a._id };
    docs[2] = { ...a, _id: b._id };
    expect(verify(docs)).toMatchObject({ ok: false, entries: 1, brokenAt: { id: '0000000000000002', reason: 'reordered' } });
  });

  it('sees entries cut off the end through the anchor', () => {
    const last = entries[4] as ChainedEntry;
    const before = entries[3] as ChainedEntry;
    const anchor = { seq: last.seq, hash: last.hash, previous: { seq: before.seq, hash: before.hash } };
    const intact = new ChainVerifier();
    stored(entries).forEach((d) => intact.check(d));
    expect(intact.finish(anchor)).toBeUndefined();
    const cut = new ChainVerifier();
    stored(entries.slice(0, 3)).forEach((d) => cut.check(d));
    expect(cut.finish(anchor)).toMatchObject({ seq: 4, reason: 'truncated' });
    const lastOneGone = new ChainVerifier();
    stored(entries.slice(0, 4)).forEach((d) => lastOneGone.check(d));
    expect(lastOneGone.finish(anchor)).toMatchObject({ seq: 5, reason: 'truncated' });
  });

  it('refuses a chain whose anchor was removed, which would hide a cut end', () => {
    const cut = new ChainVerifier();
    stored(entries.slice(0, 3)).forEach((d) => cut.check(d));
    expect(cut.finish(undefined)).toMatchObject({ seq: 3, reason: 'anchorMissing' });
    expect(new ChainVerifier().finish(undefined)).toBeUndefined(); // an empty log has none yet
  });
});
