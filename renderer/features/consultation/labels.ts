import { abuseTypes, businessCategories, caseWorkMessages, type Consultation, consultationMethods, consulterKinds, format } from '../../../shared/index';
import type { Option } from '../case-work/fields';

// How the consultation screens name codes: from the messages file, in the schema's order.

const m = caseWorkMessages.consultation;

export const methodOptions: Option[] = consultationMethods.map((value) => ({ value, label: m.methods[value] }));
export const consulterKindOptions: Option[] = consulterKinds.map((value) => ({ value, label: m.consulterKinds[value] }));
export const businessCategoryOptions: Option[] = businessCategories.map((value) => ({ value, label: m.businessCategories[value] }));
export const statusOptions: Option[] = (['continuing', 'closed'] as const).map((value) => ({ value, label: m.statuses[value] }));
export const abuseTypeOptions: Option[] = abuseTypes.map((value) => ({ value, label: m.abuseTypes[value] }));

const categoryLabels: Readonly<Record<string, string>> = m.categories;

/** 相談分類 by code; a migrated code outside the city's table is shown as its code. */
export function categoryLabel(code: string | undefined): string {
  if (!code) return caseWorkMessages.common.none;
  return categoryLabels[code] ?? format(m.unknownCategory, { code });
}

export function categoryOptions(current: string): Option[] {
  const options: Option[] = [{ value: '', label: m.noCategory }, ...Object.entries(categoryLabels).map(([value, label]) => ({ value, label: `${value} ${label}` }))];
  if (current !== '' && !(current in categoryLabels)) options.push({ value: current, label: format(m.unknownCategory, { code: current }) });
  return options;
}

export function flagsText(record: Pick<Consultation, 'afterHours' | 'dementiaRelated' | 'suspectedAbuse' | 'abuseTypes'>): string {
  const flags = [
    record.afterHours && m.flags.afterHours,
    record.dementiaRelated && m.flags.dementiaRelated,
    record.suspectedAbuse && `${m.flags.suspectedAbuse}${record.abuseTypes.length > 0 ? `（${record.abuseTypes.map((t) => m.abuseTypes[t]).join('・')}）` : ''}`,
  ].filter((f): f is string => typeof f === 'string');
  return flags.length > 0 ? flags.join('・') : caseWorkMessages.common.none;
}

export function timeText(record: Pick<Consultation, 'startTime' | 'endTime'>): string {
  if (!record.startTime && !record.endTime) return caseWorkMessages.common.none;
  return `${record.startTime ?? ''}〜${record.endTime ?? ''}`;
}

export function consulterText(record: Pick<Consultation, 'consulterKind' | 'consulterName'>): string {
  return record.consulterName ? `${m.consulterKinds[record.consulterKind]}（${record.consulterName}）` : m.consulterKinds[record.consulterKind];
}

/** The first line of a long text, shortened for a table cell. */
export function summary(text: string | undefined, length = 40): string {
  const first = (text ?? '').split('\n').find((line) => line.trim() !== '') ?? '';
  return first.length > length ? `${first.slice(0, length)}…` : first || caseWorkMessages.common.none;
}
