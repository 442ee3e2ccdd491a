// Resolving a sync conflict (DESIGN.md decision 3): the server kept one of two
// overlapping edits and recorded the other. A person compares them field by field, picks
// for each field that collided which value stays (or writes it anew), and the result is
// written to the record as their own edit. Pure: the screen and the tests call the same
// functions; the record is whatever the device holds now, which may have changed again
// since the conflict arose.
import { collections, isCollectionName } from '../schemas/index';
import { fieldLabel, format, uiMessages, validationMessages } from '../messages/ja';
import { isIsoDate } from '../wareki/calendar';
import { jsonEqual } from './json-equal';
import { changeStampFields, deletedField, type SyncDocument } from './merge';

const m = uiMessages.syncIssues.conflict;

/** Fields that name the document, its person or its origin, or say who saved it: never chosen. */
export const bookkeepingFields: readonly string[] = ['id', 'personId', 'createdAt', 'createdBy', 'legacy', ...changeStampFields];

/**
 * Histories a record keeps of its own edits. Taking one side's history would drop the
 * other's entries or break the chain of versions, so the record's current history stays
 * and the resolution is added to it as one more edit.
 */
export const historyFields: Readonly<Record<string, readonly string[]>> = { consultations: ['corrections'] };

export type ConflictSide = 'server' | 'losing';
export type FieldChoice = { take: ConflictSide } | { take: 'edited'; value: string };
export type Resolution = 'keptServer' | 'appliedLosing' | 'merged';
/** How a field's value may be written anew: only plain text and dates. */
export type EditKind = 'text' | 'longText' | 'date';

export interface ConflictVersions {
  collection: string;
  /** The top-level fields both edits changed (the conflict record's `fields`). */
  fields: readonly string[];
  /** The record as the server kept it when the conflict arose. */
  winning: SyncDocument | undefined;
  /** The record as the edit that lost wanted it. */
  losing: SyncDocument;
  /** The record on this device now; undefined when it is not here (deleted, or not synced). */
  current: SyncDocument | undefined;
}

export interface ComparisonRow {
  field: string;
  /** `choice`: the person decides; `history`: kept from the record; `context`: shown only. */
  kind: 'choice' | 'history' | 'context';
  /** Both edits changed this field. */
  collided: boolean;
  /** The record's value now (as kept when the conflict arose, if the record is gone). */
  server: unknown;
  losing: unknown;
  differs: boolean;
  /** The record's value changed after the conflict arose. */
  changedSince: boolean;
  editable?: EditKind;
}

export interface ConflictComparison {
  rows: ComparisonRow[];
  /** The fields a person must decide, in display order (`_deleted` alone for a deletion). */
  choiceFields: string[];
  /** Some field of the record changed after the conflict arose. */
  changedSince: boolean;
  recordMissing: boolean;
  /** One edit was the record's deletion: the choice is then the whole record's. */
  deletion: 'none' | 'serverDeleted' | 'losingDeleted';
}

export interface FieldProblem {
  field: string;
  message: string;
}

export type ResolutionOutcome =
  | { ok: true; resolution: Resolution; write: { kind: 'none' } | { kind: 'delete' } | { kind: 'put'; document: Record<string, unknown>; changed: string[] } }
  | { ok: false; errors: FieldProblem[] };

interface PropertySchema {
  type?: string;
  enum?: readonly unknown[];
  pattern?: string;
  maxLength?: number;
  minLength?: number;
}

function schemaOf(collection: string): { properties: Record<string, PropertySchema>; required: readonly string[] } | undefined {
  if (!isCollectionName(collection)) return undefined;
  const schema = collections[collection].schema as unknown as { properties: Record<string, PropertySchema>; required?: readonly string[] };
  return { properties: schema.properties, required: schema.required ?? [] };
}

/** The content fields of documents in the order the schema lists them, then any it does not know; bookkeeping left out. */
export function fieldOrder(collection: string, docs: ReadonlyArray<SyncDocument | undefined>): string[] {
  const known = Object.keys(schemaOf(collection)?.properties ?? {});
  const seen = new Set(known);
  const extra: string[] = [];
  for (const doc of docs) {
    for (const key of Object.keys(doc ?? {})) {
      if (seen.has(key) || key.startsWith('_')) continue;
      seen.add(key);
      extra.push(key);
    }
  }
  const present = new Set(docs.flatMap((doc) => Object.keys(doc ?? {})));
  return [...known.filter((key) => present.has(key)), ...extra.sort()].filter((key) => !bookkeepingFields.includes(key));
}

const centerField = 'centerId';
const datePattern = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

/** Whether a person may type a field's value anew, and with which control. */
export function editKindOf(collection: string, field: string): EditKind | undefined {
  // Moving a record between centers is a transfer, never a typed value.
  if (field === centerField) return undefined;
  const property = schemaOf(collection)?.properties[field];
  if (!property || property.type !== 'string' || property.enum) return undefined;
  if (property.pattern === datePattern) return 'date';
  return (property.maxLength ?? 0) > 200 ? 'longText' : 'text';
}

export function compareConflict(versions: ConflictVersions): ConflictComparison {
  const { collection, current, winning, losing } = versions;
  const collided = new Set(versions.fields);
  const recordMissing = current === undefined;
  const deletion = !collided.has(deletedField) ? 'none' : recordMissing ? 'serverDeleted' : 'losingDeleted';
  const history = historyFields[collection] ?? [];
  const rows: ComparisonRow[] = fieldOrder(collection, [current, winning, losing]).map((field) => {
    const server = recordMissing ? winning?.[field] : current[field];
    const differs = !jsonEqual(server, losing[field]);
    const changedSince = !recordMissing && winning !== undefined && !jsonEqual(current[field], winning[field]);
    const isCollided = collided.has(field);
    const kind = history.includes(field) ? 'history' : isCollided && differs && deletion === 'none' ? 'choice' : 'context';
    const editable = kind === 'choice' ? editKindOf(collection, field) : undefined;
    return { field, kind, collided: isCollided, server, losing: losing[field], differs, changedSince, ...(editable ? { editable } : {}) };
  });
  if (deletion !== 'none') {
    rows.unshift({ field: deletedField, kind: 'choice', collided: true, server: deletion === 'serverDeleted', losing: deletion === 'losingDeleted', differs: true, changedSince: false });
  }
  return {
    rows,
    choiceFields: rows.filter((row) => row.kind === 'choice').map((row) => row.field),
    changedSince: rows.some((row) => row.changedSince),
    recordMissing,
    deletion,
  };
}

/** Why a typed value cannot be stored, in Japanese naming the field; undefined when it can. */
export function checkEditedValue(collection: string, field: string, value: string): string | undefined {
  const schema = schemaOf(collection);
  const property = schema?.properties[field];
  const label = fieldLabel(collection, field);
  if (value.trim() === '') return schema?.required.includes(field) ? format(validationMessages.required, { field: label }) : undefined;
  if (!property) return undefined;
  if (property.maxLength !== undefined && value.length > property.maxLength) return format(validationMessages.maxLength, { field: label, limit: property.maxLength });
  if (property.minLength !== undefined && value.length < property.minLength) return format(validationMessages.minLength, { field: label });
  if (property.pattern === datePattern && !isIsoDate(value)) return format(validationMessages.pattern, { field: label });
  if (property.pattern !== undefined && !new RegExp(property.pattern).test(value)) return format(validationMessages.pattern, { field: label });
  return undefined;
}

/** The side a choice amounts to: a typed value equal to one side's is that side. */
function sideOf(row: ComparisonRow, choice: FieldChoice): ConflictSide | 'edited' {
  if (choice.take !== 'edited') return choice.take;
  const typed = choice.value === '' ? undefined : choice.value;
  if (jsonEqual(typed, row.server)) return 'server';
  if (jsonEqual(typed, row.losing)) return 'losing';
  return 'edited';
}

function classify(sides: ReadonlyArray<ConflictSide | 'edited'>): Resolution {
  if (sides.includes('edited') || (sides.includes('server') && sides.includes('losing'))) return 'merged';
  return sides.includes('losing') ? 'appliedLosing' : 'keptServer';
}

/**
 * What the person's choices make of the record. Every field that collided needs a
 * choice; a typed value is checked against the schema. The document is built on the
 * record as it is now; change stamps name the person resolving (`stamp`).
 */
export function resolveConflict(versions: ConflictVersions, choices: Readonly<Record<string, FieldChoice | undefined>>, stamp: { at: string; by: string }): ResolutionOutcome {
  const comparison = compareConflict(versions);
  const errors: FieldProblem[] = [];
  const rows = comparison.rows.filter((row) => row.kind === 'choice');
  const label = (field: string) => (field === deletedField ? m.deletion : fieldLabel(versions.collection, field));
  for (const row of rows) {
    const choice = choices[row.field];
    if (!choice) errors.push({ field: row.field, message: format(m.chooseSide, { field: label(row.field) }) });
    else if (comparison.recordMissing && comparison.deletion === 'none' && choice.take !== 'server') errors.push({ field: row.field, message: format(m.missingRecord, { field: label(row.field) }) });
    else if (choice.take === 'edited') {
      const problem = row.editable ? checkEditedValue(versions.collection, row.field, choice.value) : format(validationMessages.invalid, { field: label(row.field) });
      if (problem) errors.push({ field: row.field, message: problem });
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const sides = rows.map((row) => sideOf(row, choices[row.field] as FieldChoice));
  const resolution = classify(sides);
  const stamps = { updatedAt: stamp.at, updatedBy: stamp.by };
  if (comparison.deletion === 'serverDeleted') {
    return resolution === 'keptServer' ? { ok: true, resolution, write: { kind: 'none' } } : { ok: true, resolution, write: { kind: 'put', document: { ...versions.losing, ...stamps }, changed: [deletedField] } };
  }
  if (comparison.deletion === 'losingDeleted') return { ok: true, resolution, write: { kind: resolution === 'keptServer' ? 'none' : 'delete' } };
  if (!versions.current) return { ok: true, resolution, write: { kind: 'none' } };

  const document: Record<string, unknown> = { ...versions.current };
  for (const row of rows) {
    const choice = choices[row.field] as FieldChoice;
    const value = sideOf(row, choice) === 'server' ? row.server : choice.take === 'edited' ? choice.value : row.losing;
    if (value === undefined || value === '') delete document[row.field];
    else document[row.field] = value;
  }
  const changed = rows.filter((row) => !jsonEqual(document[row.field], versions.current?.[row.field])).map((row) => row.field);
  if (changed.length === 0) return { ok: true, resolution, write: { kind: 'none' } };
  return { ok: true, resolution, write: { kind: 'put', document: { ...document, ...stamps }, changed } };
}

/** Every field that collided taken from one side: the screen's "all at once". */
export function chooseAll(comparison: ConflictComparison, side: ConflictSide): Record<string, FieldChoice> {
  return Object.fromEntries(comparison.choiceFields.map((field) => [field, { take: side }]));
}

/** A short account of the choices for the conflict record's note (at most 200 characters). */
export function resolutionNote(collection: string, comparison: ConflictComparison, choices: Readonly<Record<string, FieldChoice | undefined>>): string {
  const bySide: Record<ConflictSide | 'edited', string[]> = { server: [], losing: [], edited: [] };
  for (const row of comparison.rows) {
    const choice = choices[row.field];
    if (row.kind !== 'choice' || !choice) continue;
    bySide[sideOf(row, choice)].push(row.field === deletedField ? m.deletion : fieldLabel(collection, row.field));
  }
  const list = (labels: string[]) => (labels.length > 0 ? labels.join('、') : m.none);
  return format(m.note, { losing: list(bySide.losing), server: list(bySide.server), edited: list(bySide.edited) }).slice(0, 200);
}
