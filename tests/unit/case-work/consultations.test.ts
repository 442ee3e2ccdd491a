import { describe, expect, it } from 'vitest';
import {
  type Consultation,
  consultationContentFields,
  consultationFormOf,
  consultationFromForm,
  consultationSchema,
  consultationVersions,
  correctConsultation,
  emptyConsultationForm,
  filterConsultations,
  type ConsultationFormValues,
} from '../../../shared/index';

const today = '2026-11-20';

function form(fields: Partial<ConsultationFormValues> = {}): ConsultationFormValues {
  return { ...emptyConsultationForm(today, '見本 花子'), method: 'phone', consulterKind: 'family', businessCategory: 'general', ...fields };
}

function saved(fields: Partial<Consultation> = {}): Consultation {
  return {
    id: 'consultation-1',
    personId: 'person-1',
    centerId: '01',
    date: '2026-11-01',
    startTime: '10:00',
    method: 'phone',
    consulterKind: 'family',
    businessCategory: 'general',
    content: '長女より電話。\n母の物忘れが心配。',
    status: 'continuing',
    afterHours: false,
    dementiaRelated: true,
    suspectedAbuse: false,
    abuseTypes: [],
    createdAt: '2026-11-01T01:00:00.000Z',
    createdBy: 'chuo-cm1',
    updatedAt: '2026-11-01T01:00:00.000Z',
    updatedBy: 'chuo-cm1',
    ...fields,
  };
}

describe('the consultation form', () => {
  it('keeps what was said exactly as written, line breaks and all', () => {
    const text = '  長女より電話。\n\n  「同じことを何度も聞く」とのこと。\n';
    const checked = consultationFromForm(form({ content: text, startTime: '９：０５', endTime: '10:30' }), today);
    expect(checked).toMatchObject({ ok: true, value: { content: text, startTime: '09:05', endTime: '10:30', abuseTypes: [] } });
  });

  it('names every field that is missing or wrong, in Japanese', () => {
    const checked = consultationFromForm(form({ date: '', method: '', consulterKind: 'x', startTime: '25:00' }), today);
    expect(checked.ok).toBe(false);
    const messages = checked.ok ? [] : checked.errors.map((e) => `${e.field}: ${e.message}`);
    expect(messages).toEqual([
      'date: 相談日を入力してください',
      'startTime: 開始時刻は「時:分」（例 09:30）で入力してください',
      'method: 相談方法を選んでください',
      'consulterKind: 相談者区分を選んでください',
    ]);
  });

  it('refuses an end before the start, a date in the future and abuse suspected with no type', () => {
    const checked = consultationFromForm(form({ date: '2026-11-21', startTime: '11:00', endTime: '10:00', suspectedAbuse: true }), today);
    expect(checked.ok ? [] : checked.errors).toEqual([
      { field: 'date', message: '相談日に未来の日付は入力できません' },
      { field: 'endTime', message: '終了時刻が開始時刻より前になっています' },
      { field: 'abuseTypes', message: '虐待の疑いがある場合は、虐待の種別を1つ以上選んでください' },
    ]);
  });

  it('drops abuse types once abuse is no longer suspected, and keeps them in the schema order', () => {
    expect(consultationFromForm(form({ suspectedAbuse: false, abuseTypes: ['financial'] }), today)).toMatchObject({ ok: true, value: { abuseTypes: [] } });
    expect(consultationFromForm(form({ suspectedAbuse: true, abuseTypes: ['financial', 'physical'] }), today)).toMatchObject({ ok: true, value: { abuseTypes: ['physical', 'financial'] } });
  });

  it('gives back the saved record unchanged when it is opened and saved again', () => {
    const record = saved({ endTime: '10:40', consulterName: '架空 一夫', categoryCode: '01', response: '訪問予定', handledBy: '見本 花子' });
    const checked = consultationFromForm(consultationFormOf(record), today);
    expect(checked.ok && correctConsultation(record, checked.value, { at: '2026-11-02T00:00:00.000Z', by: 'chuo-cm2' })).toBeNull();
  });
});

describe('corrections', () => {
  it('lists the same content fields as the schema', () => {
    expect([...consultationContentFields].sort()).toEqual(Object.keys(consultationSchema.properties.corrections.items.properties.previous.properties).sort());
  });

  it('keep the previous values of what changed, and rebuild every version oldest first', () => {
    const first = saved();
    const second = correctConsultation(first, { ...stripMeta(first), content: '長女より電話。\n父の物忘れが心配。', endTime: '10:30' }, { at: '2026-11-02T00:00:00.000Z', by: 'chuo-cm2', reason: '聞き違い' });
    expect(second).not.toBeNull();
    const third = correctConsultation(second as Consultation, { ...stripMeta(second as Consultation), status: 'closed', dementiaRelated: false }, { at: '2026-11-03T00:00:00.000Z', by: 'chuo-cm1' });
    const record = third as Consultation;
    expect(record.status).toBe('closed');
    expect(record.corrections).toEqual([
      { correctedAt: '2026-11-02T00:00:00.000Z', correctedBy: 'chuo-cm2', reason: '聞き違い', changed: ['endTime', 'content'], previous: { content: first.content } },
      { correctedAt: '2026-11-03T00:00:00.000Z', correctedBy: 'chuo-cm1', changed: ['status', 'dementiaRelated'], previous: { status: 'continuing', dementiaRelated: true } },
    ]);
    expect(record.updatedBy).toBe('chuo-cm1');
    expect(record.createdBy).toBe('chuo-cm1');

    const versions = consultationVersions(record);
    expect(versions.map((v) => [v.number, v.by, v.changed])).toEqual([
      [1, 'chuo-cm1', []],
      [2, 'chuo-cm2', ['endTime', 'content']],
      [3, 'chuo-cm1', ['status', 'dementiaRelated']],
    ]);
    expect(versions[0]?.content).toEqual(stripMeta(first));
    // A field the correction added is absent from the version before it.
    expect(versions[0]?.content.endTime).toBeUndefined();
    expect(versions[1]?.content).toEqual(stripMeta(second as Consultation));
    expect(versions[2]?.content).toEqual(stripMeta(record));
  });

  it('remove a field the correction cleared, and bring it back in the history', () => {
    const first = saved({ consulterName: '架空 一夫' });
    const { consulterName: _removed, ...rest } = stripMeta(first);
    const record = correctConsultation(first, rest, { at: '2026-11-02T00:00:00.000Z', by: 'chuo-cm2' }) as Consultation;
    expect(record.consulterName).toBeUndefined();
    expect(consultationVersions(record)[0]?.content.consulterName).toBe('架空 一夫');
  });
});

describe('searching consultations', () => {
  const records = [
    saved({ id: 'a', date: '2026-10-01', content: 'ケアマネジャーより相談' }),
    saved({ id: 'b', date: '2026-11-05', content: '訪問販売の業者が出入りしている', response: '消費生活センターへつないだ' }),
    saved({ id: 'c', date: '2026-11-10', content: 'ﾃﾞｲｻｰﾋﾞｽの利用', categoryCode: '05' }),
  ];

  it('matches every word in any kana script or width, within the dates, newest first', () => {
    expect(filterConsultations(records, { query: 'でいさーびす' }).map((r) => r.id)).toEqual(['c']);
    expect(filterConsultations(records, { query: '訪問販売　消費生活' }).map((r) => r.id)).toEqual(['b']);
    expect(filterConsultations(records, { query: '訪問販売 ケアマネ' })).toEqual([]);
    expect(filterConsultations(records, { from: '2026-11-01', to: '2026-11-30' }).map((r) => r.id)).toEqual(['c', 'b']);
    expect(filterConsultations(records, { query: '虐待', categoryLabel: (code) => (code === '05' ? '高齢者虐待' : undefined) }).map((r) => r.id)).toEqual(['c']);
  });
});

function stripMeta(record: Consultation) {
  const { id: _id, personId: _p, centerId: _c, corrections: _k, createdAt: _a, createdBy: _b, updatedAt: _u, updatedBy: _v, consultationNumber: _n, legacy: _l, ...content } = record;
  return content;
}
