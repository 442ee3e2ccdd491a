// A mapping bound to the header of the file it reads: each column's position and
// converter, the key columns, and the projection every row of the file is verified by.
import { format, migrationMessages } from '../../shared/index';
import { compileConverter, type Converter } from '../mapping/convert';
import type { LoadedMapping, MappingSet } from '../mapping/load';
import type { ColumnMapping, Mapping } from '../mapping/schema';
import type { Projection } from '../../server/migration/projection';

export interface CompiledColumn {
  spec: ColumnMapping;
  /** Position of the column in the file's header. */
  index: number;
  convert: Converter;
}

export interface CompiledMapping {
  loaded: LoadedMapping;
  mapping: Mapping;
  /** `NN_name.csv`, the name reports and legacy references use whatever the file was called. */
  label: string;
  /** How many columns the file's header has: every data row must have as many. */
  width: number;
  columns: CompiledColumn[];
  byName: ReadonlyMap<string, CompiledColumn>;
  keyColumns: CompiledColumn[];
  /** The fields (relative to the item for embedded rows) a row of this file fills. */
  fields: readonly string[];
  rootFields: readonly string[];
  /** Field path → the column that fills it, to name the column of a schema error. */
  columnOfField: ReadonlyMap<string, string>;
}

export const canonicalLabel = (mapping: Mapping): string => `${mapping.number}_${mapping.file}`;

export type HeaderProblem = { key: keyof typeof migrationMessages.fatal; message: string };

/** Binds a mapping to a header; every mapped column must be there, and nothing else. */
export function compileMapping(loaded: LoadedMapping, header: readonly string[], set: MappingSet, fileName: string): CompiledMapping | HeaderProblem[] {
  const { mapping } = loaded;
  const fatal = migrationMessages.fatal;
  const problems: HeaderProblem[] = [];
  const positions = new Map<string, number>();
  header.forEach((raw, index) => {
    const name = raw.trim();
    if (positions.has(name)) problems.push({ key: 'headerDuplicate', message: format(fatal.headerDuplicate, { file: fileName, column: name }) });
    positions.set(name, index);
  });
  const mapped = new Set(mapping.columns.map((c) => c.column));
  for (const name of positions.keys()) {
    if (!mapped.has(name)) problems.push({ key: 'headerUnknown', message: format(fatal.headerUnknown, { file: fileName, column: name, mapping: loaded.source }) });
  }
  const columns: CompiledColumn[] = [];
  for (const spec of mapping.columns) {
    const index = positions.get(spec.column);
    if (index === undefined) problems.push({ key: 'headerMissing', message: format(fatal.headerMissing, { file: fileName, column: spec.column }) });
    else columns.push({ spec, index, convert: compileConverter(spec, set.codes) });
  }
  if (problems.length > 0) return problems;

  const byName = new Map(columns.map((c) => [c.spec.column, c]));
  const keyColumns = mapping.key.map((name) => byName.get(name) as CompiledColumn);
  return { loaded, mapping, label: canonicalLabel(mapping), width: header.length, columns, byName, keyColumns, ...projectedFields(mapping, set) };
}

/**
 * What a row is verified by: every field its mapping can fill (so a field the row leaves
 * empty must be empty in the target too), the legacy reference and the owner for
 * documents of their own. Derived fields (a person's center from the town) are not the
 * row's values, and neither are fields of rows embedded into it.
 */
function projectedFields(mapping: Mapping, set: MappingSet): Pick<CompiledMapping, 'fields' | 'rootFields' | 'columnOfField'> {
  const fields = new Set<string>();
  const rootFields = new Set<string>();
  const columnOfField = new Map<string, string>();
  for (const column of mapping.columns) {
    if (column.field !== undefined) {
      (column.ownerField ? rootFields : fields).add(column.field);
      if (!columnOfField.has(column.field)) columnOfField.set(column.field, column.column);
    }
    if (column.searchKey !== undefined) {
      fields.add(column.searchKey);
      columnOfField.set(column.searchKey, column.column);
    }
    if (column.type === 'file') {
      const fileField = column.fileField ?? 'file';
      fields.add(fileField);
      columnOfField.set(fileField, column.column);
    }
  }
  for (const field of Object.keys(mapping.constants ?? {})) fields.add(field);
  if (!mapping.embedIn) {
    fields.add('legacy');
    if (mapping.owner) {
      fields.add('personId');
      const ownerColumn = mapping.owner.column ?? mapping.owner.fromReference;
      if (ownerColumn) columnOfField.set('personId', ownerColumn);
    }
    if (mapping.collection === 'masters') fields.add('kind');
  }
  // Embedded rows' own lists are verified by those rows.
  for (const other of set.mappings) {
    if (other.mapping.embedIn?.file === mapping.file) fields.delete(other.mapping.embedIn.path);
  }
  return { fields: [...fields].sort(), rootFields: [...rootFields].sort(), columnOfField };
}

export function projectionOf(compiled: CompiledMapping, match?: Record<string, unknown>): Projection {
  const embed = compiled.mapping.embedIn;
  return {
    ...(embed ? { path: embed.path } : {}),
    ...(match ? { match } : {}),
    fields: compiled.fields,
    ...(compiled.rootFields.length > 0 ? { rootFields: compiled.rootFields } : {}),
  };
}
