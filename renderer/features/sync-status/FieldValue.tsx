import { deletedField, presentValue, uiMessages } from '../../../shared/index';

const c = uiMessages.syncIssues.conflict;

/** A stored value as people read it; line breaks of long texts are kept. */
export function FieldValue({ collection, field, value }: { collection: string; field: string; value: unknown }) {
  const text = field === deletedField ? (value === true ? c.deleted : c.notDeleted) : presentValue(collection, field, value);
  return <span className="issue-value">{text}</span>;
}
