// Loads the mappings (one JSON file per legacy file) and the code tables, and checks
// them before any row is read: against the mapping schema, then against the target
// schemas and each other (fields exist, references point at mapped files, every column
// lands somewhere). A broken mapping stops the run naming the file and the key.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import { collections, format, migrationMessages, personOwnedCollections } from '../../shared/index';
import { codeLookup } from './codes';
import { isArrayNode, isLeafNode, isObjectNode, schemaAt, type SchemaNode } from './fields';
import { codeTablesSchema, columnTypes, mappingSchema, type CodeTables, type ColumnMapping, type Mapping } from './schema';

export const defaultMappingDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'mappings');
const CODES_FILE = 'codes.json';

export interface LoadedMapping {
  /** The mapping's own file name, e.g. `18_person.json`. */
  source: string;
  mapping: Mapping;
}

export interface MappingSet {
  dir: string;
  mappings: readonly LoadedMapping[];
  byFile: ReadonlyMap<string, LoadedMapping>;
  codes: CodeTables;
}

export interface MappingProblem {
  source: string;
  key: string;
  reason: string;
}

export class MappingError extends Error {
  constructor(readonly problems: readonly MappingProblem[]) {
    super(problems.map((p) => format(migrationMessages.mapping.invalid, { file: p.source, key: p.key, reason: p.reason })).join('\n'));
    this.name = 'MappingError';
  }
}

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validateMapping = ajv.compile(mappingSchema);
const validateCodes = ajv.compile(codeTablesSchema);
const m = migrationMessages.mapping;

function keyOf(error: ErrorObject): string {
  const segments = error.instancePath.split('/').filter(Boolean);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') segments.push(params.missingProperty);
  let key = '';
  for (const segment of segments) key += /^[0-9]+$/.test(segment) ? `[${segment}]` : key ? `.${segment}` : segment;
  return key || '(全体)';
}

function reasonOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return m.required;
    case 'enum':
      return format(m.enum, { allowed: Array.isArray(params.allowedValues) ? params.allowedValues.join(', ') : '' });
    case 'additionalProperties':
      return format(m.unknownKey, { name: String(params.additionalProperty) });
    case 'type':
      return m.type;
    case 'pattern':
      return m.pattern;
    default:
      return m.badValue;
  }
}

function readJson(dir: string, name: string, problems: MappingProblem[]): unknown {
  let text: string;
  try {
    text = readFileSync(join(dir, name), 'utf8');
  } catch (error) {
    problems.push({ source: name, key: '(全体)', reason: format(m.unreadable, { file: name, reason: (error as Error).message }) });
    return undefined;
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    problems.push({ source: name, key: '(全体)', reason: format(m.notJson, { file: name, reason: (error as Error).message }) });
    return undefined;
  }
}

export function loadMappings(dir: string = defaultMappingDir): MappingSet {
  const problems: MappingProblem[] = [];
  const codesRaw = readJson(dir, CODES_FILE, problems);
  let codes: CodeTables = {};
  if (codesRaw !== undefined) {
    if (validateCodes(codesRaw)) codes = codesRaw as CodeTables;
    else for (const error of validateCodes.errors ?? []) problems.push({ source: CODES_FILE, key: keyOf(error), reason: reasonOf(error) });
  }
  const mappings: LoadedMapping[] = [];
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.json') && name !== CODES_FILE)
    .sort();
  for (const source of names) {
    const raw = readJson(dir, source, problems);
    if (raw === undefined) continue;
    if (!validateMapping(raw)) {
      for (const error of validateMapping.errors ?? []) problems.push({ source, key: keyOf(error), reason: reasonOf(error) });
      continue;
    }
    mappings.push({ source, mapping: raw as Mapping });
  }
  const byFile = new Map<string, LoadedMapping>();
  for (const loaded of mappings) {
    const other = byFile.get(loaded.mapping.file);
    if (other) problems.push({ source: loaded.source, key: 'file', reason: format(m.duplicateFile, { target: loaded.mapping.file, other: other.source }) });
    else byFile.set(loaded.mapping.file, loaded);
  }
  if (problems.length === 0) for (const loaded of mappings) checkMapping(loaded, byFile, codes, problems);
  if (problems.length === 0) checkCycles(mappings, byFile, problems);
  if (problems.length > 0) throw new MappingError(problems);
  return { dir, mappings, byFile, codes };
}

function rootSchemaOf(mapping: Mapping): SchemaNode {
  return collections[mapping.collection].schema as unknown as SchemaNode;
}

/** The schema a column's `field` is relative to: the embedded item or the document. */
export function fieldRootOf(mapping: Mapping): SchemaNode {
  const root = rootSchemaOf(mapping);
  if (!mapping.embedIn) return root;
  const at = schemaAt(root, mapping.embedIn.path);
  return (mapping.embedIn.list ? at?.items : at) ?? {};
}

/** The masters a derivation rule reads. */
export const ruleMasterKinds = { centerOfTown: ['address', 'livingArea'] } as const;

/** Files whose keys a mapping's rows must find (references, owner, embedding, derivations). */
export function dependenciesOf(mapping: Mapping, all: readonly LoadedMapping[]): string[] {
  const files = new Set<string>();
  if (mapping.embedIn) files.add(mapping.embedIn.file);
  if (mapping.owner?.file) files.add(mapping.owner.file);
  for (const column of mapping.columns) {
    if (column.references) files.add(column.references.file);
    for (const file of Object.values(column.referencesByColumn?.files ?? {})) files.add(file);
  }
  for (const derived of mapping.derive ?? []) {
    const kinds: readonly string[] = ruleMasterKinds[derived.rule];
    for (const other of all) if (other.mapping.masterKind && kinds.includes(other.mapping.masterKind)) files.add(other.mapping.file);
  }
  return [...files];
}

function checkMapping(loaded: LoadedMapping, byFile: ReadonlyMap<string, LoadedMapping>, codes: CodeTables, problems: MappingProblem[]): void {
  const { source, mapping } = loaded;
  const problem = (key: string, reason: string) => problems.push({ source, key, reason });
  const collection = mapping.collection;
  const fieldRoot = fieldRootOf(mapping);
  const root = rootSchemaOf(mapping);
  const columnsByName = new Map<string, ColumnMapping>();

  const checkField = (key: string, field: string, node: SchemaNode, expectLeaf = true): SchemaNode | undefined => {
    const at = schemaAt(node, field);
    if (!at) problem(key, format(m.unknownField, { collection, field }));
    else if (expectLeaf && !isLeafNode(at)) problem(key, format(m.notALeaf, { collection, field, expected: 'オブジェクトです' }));
    return at;
  };
  const checkFile = (key: string, file: string): LoadedMapping | undefined => {
    const target = byFile.get(file);
    if (!target) problem(key, format(m.unknownFile, { target: file }));
    return target;
  };
  const checkReferenceKey = (key: string, file: string) => {
    const target = checkFile(key, file);
    if (target && target.mapping.key.length !== 1) problem(key, format(m.referenceKey, { target: file }));
  };

  const isMaster = collection === 'masters';
  if (mapping.embedIn) {
    if (mapping.masterKind !== undefined) problem('masterKind', m.masterKind);
    if (mapping.idPrefix !== undefined) problem('idPrefix', m.masterKind);
  } else {
    if (isMaster !== (mapping.masterKind !== undefined)) problem('masterKind', m.masterKind);
    if (isMaster === (mapping.idPrefix !== undefined)) problem('idPrefix', m.masterKind);
  }

  mapping.columns.forEach((column, i) => {
    const key = `columns[${i}]`;
    if (columnsByName.has(column.column)) problem(`${key}.column`, format(m.duplicateColumn, { column: column.column }));
    columnsByName.set(column.column, column);
    const needs = (option: keyof ColumnMapping, when: boolean) => {
      if (when && column[option] === undefined) problem(key, format(m.optionNeeds, { type: column.type, option }));
      if (!when && column[option] !== undefined) problem(`${key}.${option}`, format(m.optionNotFor, { type: column.type, option }));
    };
    needs('separator', column.type === 'codeList');
    needs('folder', column.type === 'file');
    if (column.type !== 'file') needs('fileField', false);
    if (column.type !== 'file') needs('contentType', false);
    if (column.type !== 'kana') needs('searchKey', false);
    if (column.type !== 'date') needs('openEnded', false);
    if (column.type !== 'code' && column.type !== 'codeList') {
      needs('pattern', false);
      needs('codes', false);
    }
    if (column.type !== 'code') needs('check', false);
    if (column.pattern !== undefined) {
      try {
        new RegExp(column.pattern, 'u');
      } catch (error) {
        problem(`${key}.pattern`, (error as Error).message);
      }
    }
    if (column.codes !== undefined && !codeLookup(codes, column.codes)) problem(`${key}.codes`, format(m.unknownCodes, { codes: column.codes }));
    if (column.type === 'empty' && (column.field !== undefined || column.carry)) problem(key, format(m.optionNotFor, { type: 'empty', option: 'field/carry' }));
    if (column.field !== undefined) {
      const node = column.ownerField ? root : fieldRoot;
      const at = checkField(`${key}.field`, column.field, node, column.type !== 'codeList');
      if (at && column.type === 'codeList' && !isArrayNode(at)) problem(`${key}.field`, format(m.embedShape, { collection, field: column.field, expected: '配列' }));
    }
    if (column.ownerField && !mapping.embedIn) problem(`${key}.ownerField`, format(m.optionNotFor, { type: '埋め込みでないマッピング', option: 'ownerField' }));
    if (column.searchKey !== undefined) checkField(`${key}.searchKey`, column.searchKey, fieldRoot);
    if (column.type === 'file') checkField(`${key}.fileField`, column.fileField ?? 'file', fieldRoot, false);
    if (column.references) checkReferenceKey(`${key}.references.file`, column.references.file);
    if (column.referencesByColumn) {
      for (const [code, file] of Object.entries(column.referencesByColumn.files)) checkReferenceKey(`${key}.referencesByColumn.files.${code}`, file);
    }
  });

  // Every column lands somewhere: a field, the legacy reference, or a role in the row.
  const roleColumns = new Set<string>([
    ...(mapping.embedIn ? [mapping.embedIn.by] : []),
    ...(mapping.owner?.column ? [mapping.owner.column] : []),
    ...(mapping.derive ?? []).map((d) => d.from),
    ...mapping.columns.flatMap((c) => (c.referencesByColumn ? [c.referencesByColumn.column] : [])),
  ]);
  mapping.columns.forEach((column, i) => {
    if (column.field === undefined && !column.carry && column.type !== 'empty' && !roleColumns.has(column.column)) {
      problem(`columns[${i}]`, format(m.noLanding, { column: column.column }));
    }
  });

  // Two columns may fill one field only when they are alternative references (at most one is set per row).
  const byField = new Map<string, ColumnMapping[]>();
  for (const column of mapping.columns) if (column.field) byField.set(column.field, [...(byField.get(column.field) ?? []), column]);
  for (const [field, sharing] of byField) {
    if (sharing.length > 1 && sharing.some((c) => !c.references && !c.referencesByColumn)) {
      problem('columns', format(m.sameField, { field, columns: sharing.map((c) => c.column).join('・') }));
    }
  }

  const columnKey = (name: string, key: string) => {
    if (!columnsByName.has(name)) problem(key, format(m.unknownColumn, { column: name }));
  };
  mapping.key.forEach((name, i) => {
    columnKey(name, `key[${i}]`);
    const column = columnsByName.get(name);
    const safe = column && (column.type === 'date' || column.type === 'integer' || (column.type === 'code' && column.pattern !== undefined));
    if (column && (!safe || !column.required)) problem(`key[${i}]`, format(m.keyColumn, { column: name }));
  });
  for (const [name, key] of [...roleColumns].map((n) => [n, 'columns'] as const)) columnKey(name, key);
  mapping.columns.forEach((column, i) => {
    if (column.referencesByColumn) columnKey(column.referencesByColumn.column, `columns[${i}].referencesByColumn.column`);
  });

  for (const [i, derived] of (mapping.derive ?? []).entries()) checkField(`derive[${i}].field`, derived.field, root);
  for (const field of Object.keys(mapping.constants ?? {})) checkField(`constants.${field}`, field, fieldRoot, false);
  for (const field of Object.keys(mapping.defaults ?? {})) checkField(`defaults.${field}`, field, fieldRoot, false);

  const personOwned = (personOwnedCollections as readonly string[]).includes(collection) && collection !== 'persons';
  if (mapping.embedIn) {
    const target = checkFile('embedIn.file', mapping.embedIn.file);
    if (target && (target.mapping.collection !== collection || target.mapping.embedIn)) problem('embedIn.file', format(m.embedTarget, { target: mapping.embedIn.file }));
    const at = schemaAt(root, mapping.embedIn.path);
    const shapeOk = mapping.embedIn.list ? isArrayNode(at) && isObjectNode(at?.items) : isObjectNode(at);
    if (!shapeOk) problem('embedIn.path', format(m.embedShape, { collection, field: mapping.embedIn.path, expected: mapping.embedIn.list ? 'オブジェクトの配列' : 'オブジェクト' }));
    if (mapping.embedIn.list && !mapping.embedIn.itemKey) problem('embedIn', format(m.optionNeeds, { type: 'list', option: 'itemKey' }));
    const keyFields = new Set(mapping.key.map((name) => columnsByName.get(name)?.field));
    for (const [i, field] of (mapping.embedIn.itemKey ?? []).entries()) if (!keyFields.has(field)) problem(`embedIn.itemKey[${i}]`, format(m.itemKey, { field }));
    if (mapping.owner) problem('owner', format(m.ownerNotAllowed, { collection: '埋め込み' }));
  } else if (personOwned) {
    const owner = mapping.owner;
    if (!owner || (!owner.fromReference && !(owner.column && owner.file))) problem('owner', m.ownerRequired);
    if (owner?.file) checkFile('owner.file', owner.file);
    if (owner?.fromReference) {
      const column = columnsByName.get(owner.fromReference);
      const store = column?.references?.store ?? column?.referencesByColumn?.store;
      if (!column || store !== 'id') problem('owner.fromReference', format(m.unknownColumn, { column: owner.fromReference }));
    }
  } else if (mapping.owner) {
    problem('owner', format(m.ownerNotAllowed, { collection }));
  }
}

function checkCycles(mappings: readonly LoadedMapping[], byFile: ReadonlyMap<string, LoadedMapping>, problems: MappingProblem[]): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (file: string, trail: string[]): boolean => {
    const seen = state.get(file);
    if (seen === 'done') return true;
    if (seen === 'visiting') {
      const loaded = byFile.get(file);
      problems.push({ source: loaded?.source ?? file, key: 'columns', reason: format(m.cycle, { files: [...trail, file].join(' → ') }) });
      return false;
    }
    state.set(file, 'visiting');
    const loaded = byFile.get(file);
    const ok = (loaded ? dependenciesOf(loaded.mapping, mappings) : []).every((dep) => visit(dep, [...trail, file]));
    state.set(file, 'done');
    return ok;
  };
  for (const loaded of mappings) if (!visit(loaded.mapping.file, [])) return;
}

export { columnTypes };
