// 相談記録: turning the form into a document, corrections that keep what they replace,
// the history those corrections make, and the search staff run over a list of records.
import {
  abuseTypes,
  businessCategories,
  type Consultation,
  consultationContentFields,
  consultationMethods,
  consulterKinds,
} from '../schemas/consultation';
import { caseWorkMessages, fieldLabels, format } from '../messages/ja';
import { normalizeKana } from '../kana/index';
import { type Checked, ErrorList } from './form-errors';

export type ConsultationCorrection = NonNullable<Consultation['corrections']>[number];
export type ConsultationContentField = (typeof consultationContentFields)[number];
/** The fields a record's author writes (and a correction may change). */
export type ConsultationContent = Pick<Consultation, ConsultationContentField>;
/** What a correction keeps: the previous values of the fields it changed. */
export type ConsultationPrevious = ConsultationCorrection['previous'];
export type ConsultationStatus = Consultation['status'];

const labels = fieldLabels.consultations;
const m = caseWorkMessages.validation;

/** The consultation form as the screen holds it: text as typed, choices as their codes. */
export interface ConsultationFormValues {
  date: string;
  startTime: string;
  endTime: string;
  method: string;
  consulterKind: string;
  consulterName: string;
  businessCategory: string;
  categoryCode: string;
  content: string;
  response: string;
  handledBy: string;
  status: string;
  afterHours: boolean;
  dementiaRelated: boolean;
  suspectedAbuse: boolean;
  abuseTypes: string[];
  /** Only when correcting a saved record. */
  correctionReason: string;
}

export function emptyConsultationForm(today: string, handledBy = ''): ConsultationFormValues {
  return {
    date: today,
    startTime: '',
    endTime: '',
    method: '',
    consulterKind: '',
    consulterName: '',
    businessCategory: '',
    categoryCode: '',
    content: '',
    response: '',
    handledBy,
    status: 'continuing',
    afterHours: false,
    dementiaRelated: false,
    suspectedAbuse: false,
    abuseTypes: [],
    correctionReason: '',
  };
}

export function consultationFormOf(record: Consultation): ConsultationFormValues {
  return {
    date: record.date,
    startTime: record.startTime ?? '',
    endTime: record.endTime ?? '',
    method: record.method,
    consulterKind: record.consulterKind,
    consulterName: record.consulterName ?? '',
    businessCategory: record.businessCategory,
    categoryCode: record.categoryCode ?? '',
    content: record.content ?? '',
    response: record.response ?? '',
    handledBy: record.handledBy ?? '',
    status: record.status,
    afterHours: record.afterHours,
    dementiaRelated: record.dementiaRelated,
    suspectedAbuse: record.suspectedAbuse,
    abuseTypes: [...record.abuseTypes],
    correctionReason: '',
  };
}

/**
 * Checks the form and gives the record's content, or every problem with the field named.
 * `today` (ISO) bounds the date: a consultation cannot have happened tomorrow.
 */
export function consultationFromForm(values: ConsultationFormValues, today: string): Checked<ConsultationContent> {
  const errors = new ErrorList();
  const date = errors.date('date', labels.date, values.date, { required: true, notAfter: today });
  const startTime = errors.time('startTime', labels.startTime, values.startTime);
  const endTime = errors.time('endTime', labels.endTime, values.endTime);
  if (startTime !== undefined && endTime !== undefined && endTime < startTime) {
    errors.add('endTime', format(m.endBeforeStart, { start: labels.startTime, end: labels.endTime }));
  }
  const method = errors.choice('method', labels.method, values.method, consultationMethods);
  const consulterKind = errors.choice('consulterKind', labels.consulterKind, values.consulterKind, consulterKinds);
  const consulterName = errors.text('consulterName', labels.consulterName, values.consulterName, 200);
  const businessCategory = errors.choice('businessCategory', labels.businessCategory, values.businessCategory, businessCategories);
  const categoryCode = values.categoryCode.trim() === '' ? undefined : values.categoryCode.trim();
  if (categoryCode !== undefined && !/^[0-9A-Za-z_.-]{1,20}$/.test(categoryCode)) errors.add('categoryCode', format(m.invalidCode, { field: labels.categoryCode }));
  // What was said and done keep their line breaks and inner spacing exactly as written.
  const content = errors.text('content', labels.content, values.content, 20000, { trim: false });
  const response = errors.text('response', labels.response, values.response, 20000, { trim: false });
  const handledBy = errors.text('handledBy', labels.handledBy, values.handledBy, 200);
  const status = errors.choice('status', labels.status, values.status, ['continuing', 'closed'] as const);
  const chosenAbuseTypes = values.suspectedAbuse ? abuseTypes.filter((type) => values.abuseTypes.includes(type)) : [];
  if (values.suspectedAbuse && chosenAbuseTypes.length === 0) errors.add('abuseTypes', m.abuseTypeRequired);

  return errors.result(() => ({
    date: date as string,
    ...(startTime !== undefined && { startTime }),
    ...(endTime !== undefined && { endTime }),
    method: method as Consultation['method'],
    consulterKind: consulterKind as Consultation['consulterKind'],
    ...(consulterName !== undefined && { consulterName }),
    businessCategory: businessCategory as Consultation['businessCategory'],
    ...(categoryCode !== undefined && { categoryCode }),
    ...(content !== undefined && { content }),
    ...(response !== undefined && { response }),
    ...(handledBy !== undefined && { handledBy }),
    status: status as ConsultationStatus,
    afterHours: values.afterHours,
    dementiaRelated: values.dementiaRelated,
    suspectedAbuse: values.suspectedAbuse,
    abuseTypes: chosenAbuseTypes,
  }));
}

export function consultationContentOf(record: Consultation | ConsultationContent): ConsultationContent {
  const content: Record<string, unknown> = {};
  for (const field of consultationContentFields) {
    const value = (record as Record<string, unknown>)[field];
    if (value !== undefined) content[field] = value;
  }
  return content as ConsultationContent;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The content fields whose values differ between two versions, in form order. */
export function changedConsultationFields(before: ConsultationContent, after: ConsultationContent): ConsultationContentField[] {
  return consultationContentFields.filter((field) => !same(before[field], after[field]));
}

/**
 * A correction of a saved record: the new content, and one more entry in `corrections`
 * holding the previous values of exactly the fields that changed. Null when nothing
 * changed. Records are never deleted; this is the only way their content changes.
 */
export function correctConsultation(
  current: Consultation,
  next: ConsultationContent,
  stamp: { at: string; by: string; reason?: string },
): Consultation | null {
  const before = consultationContentOf(current);
  const changed = changedConsultationFields(before, next);
  if (changed.length === 0) return null;
  const previous: Record<string, unknown> = {};
  for (const field of changed) if (before[field] !== undefined) previous[field] = before[field];
  const correction: ConsultationCorrection = {
    correctedAt: stamp.at,
    correctedBy: stamp.by,
    ...(stamp.reason !== undefined && stamp.reason.trim() !== '' && { reason: stamp.reason.trim() }),
    changed,
    previous: previous as ConsultationPrevious,
  };
  const corrected: Record<string, unknown> = { ...current };
  for (const field of consultationContentFields) delete corrected[field];
  return {
    ...(corrected as Omit<Consultation, ConsultationContentField>),
    ...next,
    corrections: [...(current.corrections ?? []), correction],
    updatedAt: stamp.at,
    updatedBy: stamp.by,
  } as Consultation;
}

/** One version of a record as it stood, for the history the screen shows. */
export interface ConsultationVersion {
  /** 1 for the record as first saved. */
  number: number;
  content: ConsultationContent;
  /** When this version was written: the record's creation or the correction. */
  at: string | undefined;
  by: string | undefined;
  reason?: string;
  /** Fields this version changed from the one before (empty for the first). */
  changed: ConsultationContentField[];
}

/** Every version of a record, oldest first, rebuilt from the current content and the corrections. */
export function consultationVersions(record: Consultation): ConsultationVersion[] {
  const corrections = record.corrections ?? [];
  let state: Record<string, unknown> = { ...consultationContentOf(record) };
  const newestFirst: ConsultationVersion[] = [];
  for (let i = corrections.length - 1; i >= 0; i--) {
    const correction = corrections[i] as ConsultationCorrection;
    const changed = (correction.changed ?? (Object.keys(correction.previous) as ConsultationContentField[])).filter((f) =>
      (consultationContentFields as readonly string[]).includes(f),
    );
    newestFirst.push({
      number: i + 2,
      content: state as ConsultationContent,
      at: correction.correctedAt,
      by: correction.correctedBy,
      ...(correction.reason !== undefined && { reason: correction.reason }),
      changed,
    });
    const earlier: Record<string, unknown> = { ...state };
    for (const field of changed) {
      const value = (correction.previous as Record<string, unknown>)[field];
      if (value === undefined) delete earlier[field];
      else earlier[field] = value;
    }
    state = earlier;
  }
  newestFirst.push({ number: 1, content: state as ConsultationContent, at: record.createdAt, by: record.createdBy, changed: [] });
  return newestFirst.reverse();
}

export interface ConsultationFilter {
  /** Words that must all appear (kana of either script and width, letter case ignored). */
  query?: string;
  from?: string;
  to?: string;
  /** Labels of category codes, so that typing 虐待 finds records filed under that category. */
  categoryLabel?: (code: string) => string | undefined;
}

function searchable(text: string): string {
  return normalizeKana(text.normalize('NFKC')).toLowerCase();
}

/** The records matching every word of the query and the date range, newest first. */
export function filterConsultations<T extends Consultation>(records: readonly T[], filter: ConsultationFilter): T[] {
  // Split before folding: the kana key drops spaces, and the words are what the user separated.
  const words = (filter.query ?? '')
    .normalize('NFKC')
    .split(/\s+/)
    .map(searchable)
    .filter((w) => w !== '');
  const matches = records.filter((record) => {
    if (filter.from && record.date < filter.from) return false;
    if (filter.to && record.date > filter.to) return false;
    if (words.length === 0) return true;
    const haystack = searchable(
      [record.content, record.response, record.consulterName, record.handledBy, record.categoryCode && filter.categoryLabel?.(record.categoryCode)].filter(Boolean).join('\n'),
    );
    return words.every((word) => haystack.includes(word));
  });
  return matches.sort(newestConsultationFirst);
}

export function newestConsultationFirst(a: Consultation, b: Consultation): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  const at = a.startTime ?? '';
  const bt = b.startTime ?? '';
  if (at !== bt) return at < bt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
