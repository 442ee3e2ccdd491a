import { describe, expect, it } from 'vitest';
import { chooseAll, compareConflict, presentValue, resolutionNote, resolveConflict, type ConflictVersions } from '../../shared/index';

// Resolving a sync conflict: what the person sees side by side, and what their choices
// make of the record. Two care managers of 中央 corrected the same consultation offline.

const original = {
  id: 'consultation-1',
  personId: 'person-9000000001',
  centerId: '01',
  date: '2026-09-01',
  method: 'phone',
  consulterKind: 'family',
  businessCategory: 'general',
  status: 'continuing',
  content: '長女より電話があった。',
  response: '訪問を予定。',
  corrections: [] as unknown[],
  createdAt: '2026-09-01T09:00:00.000Z',
  createdBy: 'chuo-cm1',
  updatedAt: '2026-09-01T09:00:00.000Z',
  updatedBy: 'chuo-cm1',
};
const correctionA = { correctedAt: '2026-10-01T01:00:00.000Z', correctedBy: 'chuo-cm1', changed: ['content', 'response'], previous: { content: original.content, response: original.response } };
const correctionB = { correctedAt: '2026-10-01T02:00:00.000Z', correctedBy: 'chuo-cm2', changed: ['content', 'response'], previous: { content: original.content, response: original.response } };
const winning = { ...original, content: '長女より電話。\n物忘れが増えたとのこと。', response: '10月3日に訪問する。', corrections: [correctionA], updatedAt: correctionA.correctedAt };
const losing = { ...original, content: '長女より電話。\n通帳をなくしたとのこと。', response: '翌週に訪問する。', corrections: [correctionB], updatedAt: correctionB.correctedAt, updatedBy: 'chuo-cm2' };
const versions: ConflictVersions = { collection: 'consultations', fields: ['content', 'corrections', 'response'], winning, losing, current: winning };
const stamp = { at: '2026-10-02T00:00:00.000Z', by: 'chuo-cm1' };

describe('compareConflict', () => {
  it('offers a choice for each field that collided, keeps the history, and shows the rest', () => {
    const comparison = compareConflict(versions);
    expect(comparison.choiceFields).toEqual(['content', 'response']);
    const kinds = Object.fromEntries(comparison.rows.map((row) => [row.field, row.kind]));
    expect(kinds).toMatchObject({ content: 'choice', response: 'choice', corrections: 'history', method: 'context', date: 'context' });
    // Who saved and the document's identity are bookkeeping, not content to compare.
    expect(comparison.rows.map((row) => row.field)).not.toContain('updatedAt');
    expect(comparison.rows.map((row) => row.field)).not.toContain('id');
    expect(comparison.rows.find((row) => row.field === 'content')).toMatchObject({ collided: true, differs: true, server: winning.content, losing: losing.content, editable: 'longText' });
    expect(comparison).toMatchObject({ changedSince: false, recordMissing: false, deletion: 'none' });
  });

  it('compares with the record as it is now, and says which fields changed after the conflict', () => {
    const current = { ...winning, status: 'closed', response: '訪問済み。' };
    const comparison = compareConflict({ ...versions, current });
    expect(comparison.changedSince).toBe(true);
    expect(comparison.rows.filter((row) => row.changedSince).map((row) => row.field)).toEqual(['response', 'status']);
    expect(comparison.rows.find((row) => row.field === 'response')?.server).toBe('訪問済み。');
  });

  it('asks for no choice where the record now holds the losing value anyway', () => {
    const comparison = compareConflict({ ...versions, current: { ...winning, response: losing.response } });
    expect(comparison.choiceFields).toEqual(['content']);
    expect(comparison.rows.find((row) => row.field === 'response')).toMatchObject({ kind: 'context', collided: true, differs: false });
  });
});

describe('resolveConflict', () => {
  it('names each field still without a choice, in Japanese', () => {
    const outcome = resolveConflict(versions, { content: { take: 'losing' } }, stamp);
    expect(outcome).toEqual({ ok: false, errors: [{ field: 'response', message: '「対応内容」で残す内容を選んでください' }] });
  });

  it('takes the losing value for one field and the server’s for the other: a merge, stamped by the person resolving', () => {
    const outcome = resolveConflict(versions, { content: { take: 'losing' }, response: { take: 'server' } }, stamp);
    expect(outcome).toMatchObject({ ok: true, resolution: 'merged', write: { kind: 'put', changed: ['content'] } });
    if (!outcome.ok || outcome.write.kind !== 'put') throw new Error('expected a write');
    expect(outcome.write.document).toMatchObject({ content: losing.content, response: winning.response, corrections: [correctionA], updatedAt: stamp.at, updatedBy: 'chuo-cm1', createdBy: 'chuo-cm1' });
  });

  it('keeps the server version without writing, and applies the losing one whole', () => {
    const comparison = compareConflict(versions);
    expect(resolveConflict(versions, chooseAll(comparison, 'server'), stamp)).toEqual({ ok: true, resolution: 'keptServer', write: { kind: 'none' } });
    const applied = resolveConflict(versions, chooseAll(comparison, 'losing'), stamp);
    expect(applied).toMatchObject({ ok: true, resolution: 'appliedLosing', write: { kind: 'put', changed: ['content', 'response'], document: { content: losing.content, response: losing.response } } });
  });

  it('builds on the record as it is now: a later change of another field stays', () => {
    const current = { ...winning, status: 'closed' };
    const outcome = resolveConflict({ ...versions, current }, { content: { take: 'losing' }, response: { take: 'losing' } }, stamp);
    expect(outcome).toMatchObject({ ok: true, write: { kind: 'put', document: { status: 'closed', content: losing.content } } });
  });

  it('takes a value the person wrote anew, checked against the schema and named when wrong', () => {
    const typed = '長女より電話。\n物忘れが増え、通帳もなくしたとのこと。';
    const outcome = resolveConflict(versions, { content: { take: 'edited', value: typed }, response: { take: 'server' } }, stamp);
    expect(outcome).toMatchObject({ ok: true, resolution: 'merged', write: { kind: 'put', document: { content: typed } } });
    // Typing exactly the losing value is taking the losing value.
    expect(resolveConflict(versions, { content: { take: 'edited', value: losing.content }, response: { take: 'losing' } }, stamp)).toMatchObject({ resolution: 'appliedLosing' });
    const tooLong = resolveConflict(versions, { content: { take: 'edited', value: 'あ'.repeat(20_001) }, response: { take: 'server' } }, stamp);
    expect(tooLong).toEqual({ ok: false, errors: [{ field: 'content', message: '相談内容が長すぎます（20000文字まで）' }] });
    const dated = { ...versions, fields: ['date'], losing: { ...losing, date: '2026-09-02' } };
    expect(resolveConflict(dated, { date: { take: 'edited', value: '2026-02-30' } }, stamp)).toEqual({ ok: false, errors: [{ field: 'date', message: '相談日の形式が正しくありません' }] });
    expect(resolveConflict(dated, { date: { take: 'edited', value: '' } }, stamp)).toEqual({ ok: false, errors: [{ field: 'date', message: '相談日は必須です' }] });
    // A choice list is chosen from, never typed.
    const method = { ...versions, fields: ['method'], losing: { ...losing, method: 'homeVisit' } };
    expect(compareConflict(method).rows.find((row) => row.field === 'method')?.editable).toBeUndefined();
    expect(resolveConflict(method, { method: { take: 'edited', value: 'fax' } }, stamp)).toMatchObject({ ok: false, errors: [{ field: 'method' }] });
  });

  it('clears an optional field when the chosen side has none', () => {
    const cleared: Record<string, unknown> = { ...losing };
    delete cleared.response;
    const outcome = resolveConflict({ ...versions, losing: cleared }, { content: { take: 'server' }, response: { take: 'losing' } }, stamp);
    if (!outcome.ok || outcome.write.kind !== 'put') throw new Error('expected a write');
    expect('response' in outcome.write.document).toBe(false);
  });

  it('cannot apply the losing value to a record the device no longer holds', () => {
    const missing = { ...versions, current: undefined };
    expect(compareConflict(missing)).toMatchObject({ recordMissing: true, deletion: 'none' });
    expect(resolveConflict(missing, { content: { take: 'losing' }, response: { take: 'server' } }, stamp)).toEqual({
      ok: false,
      errors: [{ field: 'content', message: '記録がこの端末にないため、「相談内容」に採用されなかった内容は反映できません' }],
    });
    expect(resolveConflict(missing, { content: { take: 'server' }, response: { take: 'server' } }, stamp)).toEqual({ ok: true, resolution: 'keptServer', write: { kind: 'none' } });
  });

  it('decides a deletion against an edit for the whole record', () => {
    const serverDeleted = { ...versions, fields: ['_deleted', 'content'], current: undefined };
    const comparison = compareConflict(serverDeleted);
    expect(comparison).toMatchObject({ deletion: 'serverDeleted', choiceFields: ['_deleted'] });
    expect(resolveConflict(serverDeleted, { _deleted: { take: 'server' } }, stamp)).toEqual({ ok: true, resolution: 'keptServer', write: { kind: 'none' } });
    expect(resolveConflict(serverDeleted, { _deleted: { take: 'losing' } }, stamp)).toMatchObject({ ok: true, resolution: 'appliedLosing', write: { kind: 'put', document: { content: losing.content, updatedBy: 'chuo-cm1' } } });
    const losingDeleted = { ...versions, fields: ['_deleted', 'content'] };
    expect(compareConflict(losingDeleted).deletion).toBe('losingDeleted');
    expect(resolveConflict(losingDeleted, { _deleted: { take: 'losing' } }, stamp)).toEqual({ ok: true, resolution: 'appliedLosing', write: { kind: 'delete' } });
  });

  it('sums the choices up for the conflict record', () => {
    const comparison = compareConflict(versions);
    expect(resolutionNote('consultations', comparison, { content: { take: 'losing' }, response: { take: 'server' } })).toBe('採用されなかった内容: 相談内容／サーバーの内容: 対応内容／編集: なし');
  });
});

describe('presentValue', () => {
  it('shows dates in 和暦, codes by name, flags as はい/いいえ, and keeps line breaks', () => {
    expect(presentValue('consultations', 'date', '2026-09-01')).toBe('令和8年9月1日');
    expect(presentValue('consultations', 'method', 'homeVisit')).toBe('訪問');
    expect(presentValue('consultations', 'abuseTypes', ['physical', 'financial'])).toBe('身体的、経済的');
    expect(presentValue('consultations', 'categoryCode', '05')).toBe('高齢者虐待');
    expect(presentValue('consultations', 'dementiaRelated', true)).toBe('はい');
    expect(presentValue('consultations', 'content', '一行目\n\n三行目')).toBe('一行目\n\n三行目');
    expect(presentValue('consultations', 'response', undefined)).toBe('（未入力）');
    expect(presentValue('persons', 'centerId', '03')).toBe('南');
    expect(presentValue('persons', 'sex', 'female')).toBe('女');
    expect(presentValue('conflicts', 'resolvedAt', '2026-10-02T00:30:00.000Z')).toBe('2026/10/2 09:30');
  });

  it('lays out nested parts one per line with their labels', () => {
    expect(presentValue('persons', 'insuranceEligibility', { careLevel: '13', validFrom: '2026-04-01' })).toBe('要介護度: 要支援2\n有効期間開始: 令和8年4月1日');
    expect(presentValue('persons', 'relatedPersons', [{ name: '架空　一夫', relationship: '長男', isKeyPerson: true }])).toBe('1. 氏名: 架空　一夫、続柄: 長男、キーパーソン: はい');
  });
});
