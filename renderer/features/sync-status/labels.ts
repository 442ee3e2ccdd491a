import { deletedField, fieldLabel, uiMessages, type Resolution } from '../../../shared/index';

const s = uiMessages.syncIssues;

/** What a collection's records are called where several kinds are listed together. */
export const collectionLabel = (name: string): string => uiMessages.syncCollections[name as keyof typeof uiMessages.syncCollections] ?? name;

/** A field's label in a comparison; the deletion flag is the record's deletion. */
export const issueFieldLabel = (collection: string, field: string): string => (field === deletedField ? s.conflict.deletion : fieldLabel(collection, field));

export const resolutionLabel = (resolution: string | undefined): string => (resolution === undefined ? s.open : (s.resolutions[resolution as Resolution] ?? resolution));
