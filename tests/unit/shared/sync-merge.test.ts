import { describe, expect, it } from 'vitest';
import { backoffDelay, droppedKeys, isSyncCheckpoint, jsonEqual, mergeDocuments, positionsOf, sameContent } from '../../../shared/index';

// The server's three-way merge decides whether a care manager's offline edit is kept,
// merged or kept aside as a conflict: these are the cases a person would notice.

const base = {
  id: 'consultation-1',
  content: '電話で相談があった',
  response: '訪問を予定',
  status: 'continuing',
  updatedAt: '2026-10-01T09:00:00.000Z',
  updatedBy: 'chuo-cm1',
  _deleted: false,
};

describe('mergeDocuments', () => {
  it('merges edits of different fields, keeping both', () => {
    const mine = { ...base, content: '電話で相談があった（追記）', updatedAt: '2026-10-02T09:00:00.000Z', updatedBy: 'chuo-cm1' };
    const theirs = { ...base, status: 'closed', updatedAt: '2026-10-01T12:00:00.000Z', updatedBy: 'chuo-cm2' };
    const { merged, conflictFields } = mergeDocuments(base, mine, theirs);
    expect(conflictFields).toEqual([]);
    expect(merged).toMatchObject({ content: mine.content, status: 'closed', updatedAt: mine.updatedAt, updatedBy: 'chuo-cm1' });
  });

  it('keeps the server value where both changed the same field, and names the field', () => {
    const mine = { ...base, content: 'A の記録', response: '電話で対応', updatedAt: '2026-10-02T09:00:00.000Z' };
    const theirs = { ...base, content: 'B の記録', updatedAt: '2026-10-01T12:00:00.000Z', updatedBy: 'chuo-cm2' };
    const { merged, conflictFields } = mergeDocuments(base, mine, theirs);
    expect(conflictFields).toEqual(['content']);
    expect(merged.content).toBe('B の記録');
    expect(merged.response).toBe('電話で対応');
  });

  it('does not count the change stamps as overlapping edits', () => {
    const mine = { ...base, content: '追記', updatedAt: '2026-10-02T09:00:00.000Z', updatedBy: 'a' };
    const theirs = { ...base, response: '済', updatedAt: '2026-10-03T09:00:00.000Z', updatedBy: 'b' };
    const { merged, conflictFields } = mergeDocuments(base, mine, theirs);
    expect(conflictFields).toEqual([]);
    expect(merged).toMatchObject({ content: '追記', response: '済', updatedAt: theirs.updatedAt, updatedBy: 'b' });
  });

  it('sees no conflict when both made the same change (a retried push)', () => {
    const mine = { ...base, content: '同じ', updatedAt: '2026-10-02T09:00:00.000Z' };
    const { merged, conflictFields } = mergeDocuments(base, mine, { ...mine, _deleted: false });
    expect(conflictFields).toEqual([]);
    expect(sameContent(merged, mine)).toBe(true);
  });

  it('removes a field the client cleared when the server did not touch it', () => {
    const mine: Record<string, unknown> = { ...base };
    delete mine.response;
    const { merged, conflictFields } = mergeDocuments(base, mine, base);
    expect(conflictFields).toEqual([]);
    expect('response' in merged).toBe(false);
  });

  it('treats a deletion against an edit as an overlap that the server state wins', () => {
    const deleted = { ...base, _deleted: true };
    const edited = { ...base, content: '編集', updatedAt: '2026-10-02T00:00:00.000Z' };
    expect(mergeDocuments(base, deleted, edited)).toEqual({ merged: edited, conflictFields: ['_deleted'] });
    expect(mergeDocuments(base, edited, deleted)).toEqual({ merged: deleted, conflictFields: ['_deleted', 'content'] });
  });

  it('applies a deletion when the server did not edit the document', () => {
    const { merged, conflictFields } = mergeDocuments(base, { ...base, _deleted: true }, base);
    expect(conflictFields).toEqual([]);
    expect(merged._deleted).toBe(true);
  });

  it('compares a document created on both sides field by field', () => {
    const mine = { id: 'x', a: 1, b: 2, _deleted: false };
    const theirs = { id: 'x', a: 1, b: 3, c: 4, _deleted: false };
    const { merged, conflictFields } = mergeDocuments(undefined, mine, theirs);
    expect(conflictFields).toEqual(['b']);
    expect(merged).toEqual(theirs);
  });

  it('compares nested values regardless of key order', () => {
    expect(jsonEqual({ a: { x: 1, y: [1, { z: 2 }] } }, { a: { y: [1, { z: 2 }], x: 1 } })).toBe(true);
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
  });
});

describe('checkpoints', () => {
  it('reads a new center from the start and keeps the positions it had', () => {
    expect(positionsOf({ seqs: { '01': '120' } }, ['01', '03'])).toEqual({ '01': '120', '03': '0' });
    expect(positionsOf(null, ['*'])).toEqual({ '*': '0' });
  });

  it('names the centers that left the scope', () => {
    expect(droppedKeys({ seqs: { '01': '5', '02': '9' } }, { seqs: { '01': '7' } })).toEqual(['02']);
  });

  it('accepts only the checkpoint shape the server hands out', () => {
    expect(isSyncCheckpoint({ seqs: { '01': '12', '*': '3' } })).toBe(true);
    expect(isSyncCheckpoint({ seqs: { '../x': '1' } })).toBe(false);
    expect(isSyncCheckpoint({ seqs: { '01': 12 } })).toBe(false);
    expect(isSyncCheckpoint({ seqs: [] })).toBe(false);
  });
});

describe('backoffDelay', () => {
  it('doubles from the first retry and stops growing at the maximum', () => {
    const policy = { initialMs: 100, maxMs: 1000, factor: 2, jitter: 0 };
    expect([1, 2, 3, 4, 5, 9].map((attempt) => backoffDelay(attempt, policy))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('spreads retries by the jitter share', () => {
    const policy = { initialMs: 1000, maxMs: 1000, factor: 2, jitter: 0.2 };
    expect(backoffDelay(1, policy, () => 0)).toBe(800);
    expect(backoffDelay(1, policy, () => 0.999999)).toBe(1200);
  });
});
