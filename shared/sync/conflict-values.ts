// A stored value as a person reads it when comparing two versions of a record: dates in
// 和暦, codes as their Japanese names where the messages file has them, yes/no for flags,
// nested parts one per line with their labels. Long text keeps its line breaks; the
// screen shows the returned text as written (line breaks included).
import { centerName } from '../city/index';
import { careLevelLabel } from '../insurance/care-levels';
import { caseWorkMessages, choiceLabels, fieldLabel, uiMessages } from '../messages/ja';
import { toWareki } from '../wareki/format';

const s = uiMessages.syncIssues;
const cw = caseWorkMessages;

type Labels = Readonly<Record<string, string>>;

/** Enumerated values with Japanese names, per collection and field (nested fields by their own key). */
const choiceTables: Readonly<Record<string, Readonly<Record<string, Labels>>>> = {
  persons: { sex: uiMessages.person.sex, residentStatus: uiMessages.person.residentStatus, category: uiMessages.ledger.insuredCategory },
  consultations: {
    method: cw.consultation.methods,
    consulterKind: cw.consultation.consulterKinds,
    businessCategory: cw.consultation.businessCategories,
    status: cw.consultation.statuses,
    abuseTypes: cw.consultation.abuseTypes,
    categoryCode: cw.consultation.categories,
  },
  basicChecklists: { method: cw.checklist.methods },
  carePlans: { planType: choiceLabels.planTypes, planCategory: choiceLabels.planCategories },
  planEvaluations: { overallDecision: choiceLabels.evaluationDecisions, achievement: choiceLabels.achievements },
  conflicts: { resolution: s.resolutions, collectionName: uiMessages.syncCollections },
};

const nestedLabels: readonly Labels[] = [uiMessages.ledger.fields, cw.carePlan.fields];

/** A nested field's label: the collection's own, else the ledger's or the plan form's, else the key. */
export function partLabel(collection: string, key: string): string {
  const own = fieldLabel(collection, key);
  if (own !== key) return own;
  // Flags are named `isKeyPerson` in the schema and `keyPerson` on the ledger.
  const plain = /^is[A-Z]/.test(key) ? key.charAt(2).toLowerCase() + key.slice(3) : key;
  for (const table of nestedLabels) for (const name of [key, plain]) if (table[name] !== undefined) return table[name];
  return key;
}

const isoDate = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const isoDateTime = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,3})?Z$/;

function dateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function scalar(collection: string, field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return s.empty;
  if (typeof value === 'boolean') return value ? s.yes : s.no;
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return JSON.stringify(value);
  if (field === 'centerId') return centerName(value);
  if (field === 'careLevel') return careLevelLabel(value) ?? value;
  const named = choiceTables[collection]?.[field]?.[value];
  if (named !== undefined) return named;
  if (isoDate.test(value)) {
    try {
      return toWareki(value);
    } catch {
      return value;
    }
  }
  if (isoDateTime.test(value)) return dateTime(value);
  return value;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A nested part on one line: `label: value、label: value`. */
function inline(collection: string, field: string, value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? s.empty : value.map((item) => inline(collection, field, item)).join('、');
  if (isPlainObject(value)) {
    const parts = Object.entries(value).map(([key, part]) => `${partLabel(collection, key)}: ${inline(collection, key, part)}`);
    return parts.length === 0 ? s.empty : parts.join('、');
  }
  return scalar(collection, field, value);
}

/** The value of a top-level field as text for people; lines separated by `\n`. */
export function presentValue(collection: string, field: string, value: unknown): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return s.empty;
    if (value.every((item) => !isPlainObject(item) && !Array.isArray(item))) return value.map((item) => scalar(collection, field, item)).join('、');
    return value.map((item, index) => `${index + 1}. ${inline(collection, field, item)}`).join('\n');
  }
  if (isPlainObject(value)) {
    const lines = Object.entries(value).map(([key, part]) => `${partLabel(collection, key)}: ${inline(collection, key, part)}`);
    return lines.length === 0 ? s.empty : lines.join('\n');
  }
  return scalar(collection, field, value);
}
