import type { CollectionName } from '../../../shared/index';

// Where a record of each kind is shown and corrected: the paths the case-work screens
// and the ledger define (renderer/features/case-work/routes.tsx, renderer/app/Layout.tsx).
// A kind with no screen of its own opens its person's ledger.

interface RecordRef {
  id: string;
  personId?: string | undefined;
}

const caseWorkSegments: Partial<Record<CollectionName, string>> = {
  consultations: 'consultations',
  basicChecklists: 'checklists',
  carePlans: 'plans',
  planEvaluations: 'evaluations',
};

/** The screen that shows the record, or undefined when none does. */
export function recordPath(collection: string, record: RecordRef): string | undefined {
  if (collection === 'persons') return `/persons/${encodeURIComponent(record.id)}`;
  if (record.personId === undefined) return undefined;
  const person = `/persons/${encodeURIComponent(record.personId)}`;
  const segment = caseWorkSegments[collection as CollectionName];
  return segment ? `${person}/${segment}/${encodeURIComponent(record.id)}` : person;
}

/** The form that corrects the record, for the kinds the case-work screens edit. */
export function editPath(collection: string, record: RecordRef): string | undefined {
  const segment = caseWorkSegments[collection as CollectionName];
  if (!segment || record.personId === undefined) return undefined;
  return `/persons/${encodeURIComponent(record.personId)}/${segment}/${encodeURIComponent(record.id)}/edit`;
}
