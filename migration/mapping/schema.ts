import type { FromSchema } from 'json-schema-to-ts';
import { masterKinds } from '../../shared/index';

// The JSON schema every mapping file (migration/mappings/NN_name.json) is checked
// against before any row is read. IT edits mappings, not code, when the real export
// differs from FORMAT.md; this schema and the checks in load.ts are what stop a typo
// there from becoming silently dropped data.

/** Collections the legacy export fills. */
export const importCollections = [
  'persons',
  'consultations',
  'basicChecklists',
  'carePlans',
  'providerPlans',
  'providerEvaluations',
  'lifeSupportSurveys',
  'documents',
  'masters',
] as const;

export const columnTypes = [
  'text', // free text: trailing spaces trimmed, CRLF inside a field kept as a line break
  'kana', // display kana: half-width made full-width (toFullWidthKana); optional search key
  'code', // a zero-padded code or number-like string: full-width digits made ASCII, never padded
  'codeList', // codes joined by a separator
  'integer',
  'decimal',
  'date', // every legacy date style through parseWareki
  'time', // HHMM or HH:MM → HH:MM
  'flag', // 1/○ → true, 0/empty → false
  'yesNo', // 1 → true, 0 → false, empty → null (unanswered)
  'file', // a file named in the row, read from a folder of the export
  'empty', // a column that must be empty (its value is derived elsewhere)
] as const;

const fieldPath = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*(\\.([A-Za-z][A-Za-z0-9]*|[0-9]+))*$' } as const;
const fileName = { type: 'string', pattern: '^[a-z0-9_]+\\.csv$' } as const;
const columnName = { type: 'string', minLength: 1, maxLength: 100 } as const;

const reference = {
  type: 'object',
  additionalProperties: false,
  properties: {
    /** The legacy file whose key the value must be. */
    file: fileName,
    /** What the field receives: the code as read (`value`, default) or the id of the referenced document. */
    store: { type: 'string', enum: ['value', 'id'] },
    /** The referenced document must belong to the same person as this row. */
    samePerson: { type: 'boolean' },
  },
  required: ['file'],
} as const;

const referenceByColumn = {
  type: 'object',
  additionalProperties: false,
  properties: {
    /** The column (read before this one) whose raw code picks the file. */
    column: columnName,
    files: { type: 'object', minProperties: 1, additionalProperties: fileName },
    store: { type: 'string', enum: ['value', 'id'] },
  },
  required: ['column', 'files'],
} as const;

const column = {
  type: 'object',
  additionalProperties: false,
  properties: {
    column: columnName,
    type: { type: 'string', enum: columnTypes },
    /** Where the value lands (dotted path; numbers index arrays). Relative to the embedded item for embedded rows. */
    field: fieldPath,
    required: { type: 'boolean' },
    /** For `code`: a regular expression the normalised value must match. */
    pattern: { type: 'string', minLength: 1 },
    /** For `code`/`codeList`: a table in codes.json, or a built-in table (`@careLevel`, `@center`, …). */
    codes: { type: 'string', minLength: 1 },
    /** For `code`: a domain check from shared/. */
    check: { type: 'string', enum: ['insuredNumber', 'insurerNumber'] },
    /** For `date`: what `9999999` means here: no end (`absent`) or an error (`reject`, default). */
    openEnded: { type: 'string', enum: ['absent', 'reject'] },
    /** For `kana`: also store the search key (normalizeKana) in this field. */
    searchKey: fieldPath,
    /** For `codeList`. */
    separator: { type: 'string', minLength: 1, maxLength: 3 },
    /** For `file`: the export's sub-folder holding the file. */
    folder: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' },
    /** For `file`: where the file's metadata (contentType, size, sha256) lands; default `file`. */
    fileField: fieldPath,
    /** For `file`: the only content type accepted (checked against the bytes for PDF). */
    contentType: { type: 'string', minLength: 1 },
    references: reference,
    referencesByColumn: referenceByColumn,
    /** For embedded rows: the value is set on the owning document, not on the item. */
    ownerField: { type: 'boolean' },
    /** Kept as read in the document's legacy source reference (`legacy.columns`). */
    carry: { type: 'boolean' },
    note: { type: 'string' },
  },
  required: ['column', 'type'],
} as const;

export const mappingSchema = {
  $id: 'kizuna-migration-mapping',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    /** NN of `NN_name.csv`. */
    number: { type: 'string', pattern: '^[0-9]{2}$' },
    file: fileName,
    /** The 別紙1 name, for messages. */
    title: { type: 'string', minLength: 1 },
    /** A missing file is skipped instead of stopping the run. */
    optional: { type: 'boolean' },
    collection: { type: 'string', enum: importCollections },
    masterKind: { type: 'string', enum: masterKinds },
    /** Document ids are `<idPrefix>-<key values joined by ->`; masters use `<kind>:<code>`. */
    idPrefix: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9]*$' },
    /** Columns whose (normalised) values identify a row; unique within the file. */
    key: { type: 'array', minItems: 1, uniqueItems: true, items: columnName },
    /** The person a document belongs to: through a 住民コード column, or through a referenced plan. */
    owner: {
      type: 'object',
      additionalProperties: false,
      properties: { column: columnName, file: fileName, fromReference: columnName },
    },
    /** Rows that become part of another file's document instead of documents of their own. */
    embedIn: {
      type: 'object',
      additionalProperties: false,
      properties: {
        file: fileName,
        /** The column holding the owning row's key. */
        by: columnName,
        path: fieldPath,
        list: { type: 'boolean' },
        /** For lists: the item fields that identify an item (from this file's key columns). */
        itemKey: { type: 'array', minItems: 1, items: fieldPath },
      },
      required: ['file', 'by', 'path', 'list'],
    },
    columns: { type: 'array', minItems: 1, items: column },
    /** Fields every document (or item) of this file gets; the import owns them. */
    constants: { type: 'object' },
    /**
     * Fields a document gets only when the import creates it: values the legacy system
     * never recorded that the schema requires. Staff may change them later, and a
     * re-run never puts the default back.
     */
    defaults: { type: 'object' },
    /** Fields computed from other files by a named rule. */
    derive: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: { field: fieldPath, rule: { type: 'string', enum: ['centerOfTown'] }, from: columnName },
        required: ['field', 'rule', 'from'],
      },
    },
    note: { type: 'string' },
  },
  required: ['number', 'file', 'title', 'collection', 'key', 'columns'],
} as const;

export type Mapping = FromSchema<typeof mappingSchema>;
export type ColumnMapping = Mapping['columns'][number];
export type ColumnType = (typeof columnTypes)[number];
export type ImportCollection = (typeof importCollections)[number];

/** Code tables: table name → legacy code → stored value. */
export const codeTablesSchema = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    minProperties: 1,
    additionalProperties: { type: ['string', 'boolean', 'integer'] },
  },
} as const;

export type CodeTables = Record<string, Record<string, string | boolean | number>>;
