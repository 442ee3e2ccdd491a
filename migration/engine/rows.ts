// One legacy row → a document (or an item of another file's document), or a rejection
// that names every problem in the row. A row is taken whole or not at all: conversions,
// key, references, owner and the shared schema must all pass.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import {
  collections,
  format,
  masterId,
  migrationMessages,
  normalizeKana,
  type CollectionName,
  type MasterKind,
  type PlainDocument,
} from '../../shared/index';
import { validateDocument } from '../../server/validation/documents';
import { hashValues, rootFieldKey, type Projection, type ProjectedValues } from '../../server/migration/projection';
import { sha256Hex, type FilePayload } from '../../server/files/store';
import { rejection, type RejectKind } from '../mapping/convert';
import { ruleMasterKinds, type MappingSet } from '../mapping/load';
import type { ColumnMapping, Mapping } from '../mapping/schema';
import { isBlankRecord, type CsvRecord } from '../read/csv';
import { projectionOf, type CompiledColumn } from './compile';
import { copyJson, setPath, topLevel } from './paths';
import type { RefEntry, Registry } from './registry';
import type { FileState, PendingUnit, Problem, RowRef } from './state';

/** A document held until the files embedded into it are read. */
export interface HeldDocument {
  doc: PlainDocument;
  state: FileState;
  key: string;
  rows: RowRef[];
  checks: Projection[];
}

export interface RunContext {
  set: MappingSet;
  exportDir: string;
  registry: Registry;
  holders: Map<string, Map<string, HeldDocument>>;
  stamp: { at: string; by: string };
  reject: (state: FileState, row: number, key: string, problems: readonly Problem[]) => void;
}

/** CouchDB's default document limit is 8 MB; base64 makes a file a third larger. */
export const maxFileBytes = 6 * 1024 * 1024;
const STAMP_FIELDS = new Set(['createdAt', 'createdBy', 'updatedAt', 'updatedBy']);
const contentTypes: Readonly<Record<string, string>> = {
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.xls': 'application/vnd.ms-excel',
  '.csv': 'text/csv',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.doc': 'application/msword',
  '.txt': 'text/plain',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
};
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const r = migrationMessages.reject;

interface FileValue {
  name: string;
  payload: FilePayload;
}

export class RowMapper {
  private readonly mapping: Mapping;
  private readonly collection: CollectionName;
  private readonly embedders: Mapping[];
  private readonly owned: ReadonlySet<string>;
  private readonly ownedList: readonly string[];
  private readonly rowProjection: Projection;
  private readonly defaulted: readonly string[];
  private readonly folderListings = new Map<string, Map<string, string>>();
  private readonly titleOf: (file: string) => string;
  /** Columns that fill the same field (alternative references), by field; checked per row. */
  private readonly sharedFields: ReadonlyArray<readonly CompiledColumn[]>;

  constructor(
    private readonly context: RunContext,
    private readonly state: FileState,
  ) {
    const compiled = state.compiled;
    this.mapping = compiled.mapping;
    this.collection = this.mapping.collection;
    this.embedders = context.set.mappings.map((m) => m.mapping).filter((m) => m.embedIn?.file === this.mapping.file);
    this.defaulted = [...new Set(Object.keys(this.mapping.defaults ?? {}).map(topLevel))];
    const owned = new Set<string>(['id', 'centerId', 'personId', 'legacy', 'kind']);
    for (const field of [...compiled.fields, ...(this.mapping.derive ?? []).map((d) => d.field)]) owned.add(topLevel(field));
    for (const e of this.embedders) {
      owned.add(topLevel(e.embedIn?.path ?? ''));
      for (const c of e.columns) if (c.ownerField && c.field) owned.add(topLevel(c.field));
    }
    for (const d of this.defaulted) owned.delete(d);
    this.owned = owned;
    this.ownedList = [...owned];
    this.rowProjection = projectionOf(compiled);
    this.titleOf = (file) => context.set.byFile.get(file)?.mapping.title ?? file;
    const byField = new Map<string, CompiledColumn[]>();
    for (const column of compiled.columns) if (column.spec.field) byField.set(column.spec.field, [...(byField.get(column.spec.field) ?? []), column]);
    this.sharedFields = [...byField.values()].filter((columns) => columns.length > 1);
  }

  get isHeld(): boolean {
    return this.embedders.length > 0;
  }

  /** Maps one record; returns a unit to write when the row makes a document of its own. */
  map(record: CsvRecord): PendingUnit | undefined {
    const { state, context } = this;
    const cells = record.cells;
    if (isBlankRecord(cells)) {
      state.counts.blank++;
      return undefined;
    }
    state.counts.read++;
    // A record with more or fewer fields than the header is a broken line (a line break
    // outside quotes, a lost comma): its values cannot be told apart, so none is taken.
    if (cells.length !== state.compiled.width) {
      const message = format(r.columnCount, { count: cells.length, expected: state.compiled.width });
      return this.rejectRow(record.row, '', [{ column: '', value: cells.join(',').slice(0, 200), kind: 'columnCount', message }]);
    }
    const problems: Problem[] = [];
    const converted = new Map<string, unknown>();

    for (const column of state.compiled.columns) {
      const result = column.convert(rawOf(cells, column));
      if (!result.ok) {
        problems.push({ column: column.spec.column, value: rawOf(cells, column), kind: result.kind, message: result.message });
        continue;
      }
      if (result.value === undefined && column.spec.required) {
        problems.push(this.problem(column, 'required', { column: column.spec.column, value: rawOf(cells, column) }));
      }
      converted.set(column.spec.column, result.value);
    }

    // The key, from normalised values: `１２` and `12` are the same row.
    const keyParts = state.compiled.keyColumns.map((c) => converted.get(c.spec.column));
    const key = keyParts.every((p) => p !== undefined && p !== null) ? keyParts.map(String).join('-') : '';
    if (key !== '') {
      const first = state.firstRowOfKey.get(key);
      if (first !== undefined) {
        problems.push({
          column: this.mapping.key.join('・'),
          value: keyParts.map(String).join(' '),
          kind: 'duplicateKey',
          message: format(r.duplicateKey, { columns: this.mapping.key.join('・'), value: keyParts.map(String).join(' '), row: first }),
        });
      } else {
        state.firstRowOfKey.set(key, record.row);
      }
    }

    // Alternative references (two columns, one field): at most one may be filled.
    for (const columns of this.sharedFields) {
      const sharing = columns.filter((c) => converted.get(c.spec.column) !== undefined);
      if (sharing.length > 1) {
        const names = sharing.map((c) => c.spec.column).join('・');
        problems.push({ column: names, value: sharing.map((c) => rawOf(cells, c)).join(' / '), kind: 'conflictingColumns', message: format(r.conflictingColumns, { columns: names }) });
      }
    }

    // The owner: a person through 住民コード, or whoever owns the referenced plan.
    const references = new Map<string, RefEntry>();
    let owner: RefEntry | undefined;
    const ownerSpec = this.mapping.owner;
    if (ownerSpec?.column && ownerSpec.file) {
      const column = state.compiled.byName.get(ownerSpec.column) as CompiledColumn;
      owner = this.lookup(column, converted.get(ownerSpec.column), ownerSpec.file, rawOf(cells, column), problems);
    }
    for (const column of state.compiled.columns) {
      const value = converted.get(column.spec.column);
      if (value === undefined) continue;
      const spec = column.spec;
      let file = spec.references?.file;
      if (spec.referencesByColumn) {
        const chooser = state.compiled.byName.get(spec.referencesByColumn.column);
        const code = chooser ? rawOf(cells, chooser).normalize('NFKC').trim() : '';
        file = spec.referencesByColumn.files[code];
        if (file === undefined) continue; // the chooser column's own check rejects the row
      }
      if (file === undefined) continue;
      const entry = this.lookup(column, value, file, rawOf(cells, column), problems);
      if (!entry) continue;
      references.set(spec.column, entry);
      if (spec.references?.samePerson && owner && entry.personId !== owner.id) {
        problems.push(
          this.problem(column, 'otherPerson', {
            column: spec.column,
            value: rawOf(cells, column),
            other: (entry.personId ?? '').replace(/^person-/, ''),
            target: this.titleOf(file),
          }),
        );
      }
    }
    if (ownerSpec?.fromReference) owner = references.get(ownerSpec.fromReference);

    // Embedded rows need their owning document (a person, a provider plan).
    let held: HeldDocument | undefined;
    const embed = this.mapping.embedIn;
    if (embed) {
      const by = state.compiled.byName.get(embed.by) as CompiledColumn;
      const ownerKey = converted.get(embed.by);
      if (ownerKey !== undefined) {
        held = context.holders.get(embed.file)?.get(String(ownerKey));
        if (!held) problems.push(this.missingReference(by, String(ownerKey), embed.file, rawOf(cells, by)));
      }
    }

    // Files named in the row must be there, readable and of the right kind.
    const files: FileValue[] = [];
    for (const column of state.compiled.columns) {
      if (column.spec.type !== 'file') continue;
      const name = converted.get(column.spec.column);
      if (typeof name !== 'string') continue;
      const loaded = this.loadFile(column, name, rawOf(cells, column), problems);
      if (loaded) files.push(loaded);
    }

    if (problems.length > 0) return this.rejectRow(record.row, key, problems);

    // Values at their fields (relative to the item for embedded rows).
    const values: ProjectedValues = {};
    const rootValues: ProjectedValues = {};
    const carried: Record<string, string> = {};
    for (const column of state.compiled.columns) {
      const spec = column.spec;
      let value = converted.get(spec.column);
      if (spec.carry && value !== undefined) carried[spec.column] = String(value);
      if (spec.field === undefined) continue;
      const store = spec.references?.store ?? spec.referencesByColumn?.store;
      if (store === 'id' && value !== undefined) value = references.get(spec.column)?.id;
      const target = spec.ownerField ? rootValues : values;
      if (value !== undefined || !(spec.field in target)) target[spec.field] = value;
      if (spec.searchKey !== undefined) values[spec.searchKey] = typeof value === 'string' ? normalizeKana(value) : undefined;
      if (spec.type === 'file') {
        const file = files.find((f) => f.name === value)?.payload;
        values[spec.fileField ?? 'file'] = file ? { contentType: file.contentType, size: file.size, sha256: file.sha256 } : undefined;
      }
    }
    for (const [field, value] of Object.entries(this.mapping.constants ?? {})) values[field] = copyJson(value);

    if (embed && held) return this.embedRow(record, key, values, rootValues, held);
    return this.documentRow(record, key, values, carried, owner, files);
  }

  private documentRow(
    record: CsvRecord,
    key: string,
    values: ProjectedValues,
    carried: Record<string, string>,
    owner: RefEntry | undefined,
    files: readonly FileValue[],
  ): PendingUnit | undefined {
    const { state, context, mapping } = this;
    const masterKind = mapping.masterKind as MasterKind | undefined;
    const id = masterKind ? masterId(masterKind, key) : `${mapping.idPrefix ?? mapping.collection}-${key}`;
    if (masterKind) values.kind = masterKind;
    if (owner) values.personId = owner.id;
    // Keys in code-unit order, as the reconciliation hashes them.
    values.legacy = { ...(Object.keys(carried).length > 0 ? { columns: carried } : {}), file: state.compiled.label, key };

    const doc: PlainDocument = { id };
    for (const [field, value] of Object.entries(values)) if (value !== undefined) setPath(doc, field, value);
    if (owner?.centerId !== undefined) doc.centerId = owner.centerId;
    for (const derived of mapping.derive ?? []) {
      const center = this.centerOfTown(record, derived.from);
      if (center !== undefined) doc[derived.field] = center;
    }
    for (const embedder of this.embedders) if (embedder.embedIn?.list) setPath(doc, embedder.embedIn.path, []);
    for (const [field, value] of Object.entries(mapping.defaults ?? {})) setPath(doc, field, copyJson(value));
    Object.assign(doc, { createdAt: context.stamp.at, createdBy: context.stamp.by, updatedAt: context.stamp.at, updatedBy: context.stamp.by });

    const problems = this.schemaProblems(record, doc, undefined);
    if (problems.length > 0) return this.rejectRow(record.row, key, problems);

    const projection = this.rowProjection;
    const row: RowRef = { state, row: record.row, key, hash: hashValues(this.projected(values, {})) };
    if (this.isHeld) {
      let holder = context.holders.get(mapping.file);
      if (!holder) context.holders.set(mapping.file, (holder = new Map()));
      holder.set(key, { doc, state, key, rows: [row], checks: [projection] });
      return undefined;
    }
    context.registry.accept(mapping.file, key, {
      id,
      ...(typeof doc.personId === 'string' ? { personId: doc.personId } : {}),
      ...(typeof doc.centerId === 'string' ? { centerId: doc.centerId } : {}),
      ...(masterKind ? { doc } : {}),
    });
    const centerId = typeof doc.centerId === 'string' ? doc.centerId : undefined;
    return {
      unit: {
        collection: this.collection,
        doc,
        owned: this.ownedFields(doc),
        ...(this.defaulted.length > 0 ? { defaulted: this.defaulted } : {}),
        checks: [projection],
        ...(files.length > 0 && centerId ? { files: files.map((f) => ({ centerId, sha256: f.payload.sha256 })) } : {}),
      },
      rows: [row],
      files: files.map((f) => f.payload),
    };
  }

  private embedRow(
    record: CsvRecord,
    key: string,
    values: ProjectedValues,
    rootValues: ProjectedValues,
    held: HeldDocument,
  ): undefined {
    const embed = this.mapping.embedIn as NonNullable<Mapping['embedIn']>;
    const item: PlainDocument = {};
    for (const [field, value] of Object.entries(values)) if (value !== undefined) setPath(item, field, value);
    const doc = held.doc;
    const previousRoot = new Map(Object.keys(rootValues).map((f) => [f, doc[f]] as const));
    const list = embed.list ? (doc[embed.path] as unknown[]) : undefined;
    const previousItem = doc[embed.path];
    if (list) list.push(item);
    else doc[embed.path] = item;
    for (const [field, value] of Object.entries(rootValues)) if (value !== undefined) doc[field] = value;

    const problems = this.schemaProblems(record, doc, embed.path);
    if (problems.length > 0) {
      if (list) list.pop();
      else if (previousItem === undefined) delete doc[embed.path];
      else doc[embed.path] = previousItem;
      for (const [field, value] of previousRoot) {
        if (value === undefined) delete doc[field];
        else doc[field] = value;
      }
      return this.rejectRow(record.row, key, problems);
    }
    let match: Record<string, unknown> | undefined;
    if (embed.itemKey) {
      match = {};
      for (const field of embed.itemKey) match[field] = values[field];
    }
    held.rows.push({ state: this.state, row: record.row, key, hash: hashValues(this.projected(values, rootValues)) });
    held.checks.push(projectionOf(this.state.compiled, match));
    return undefined;
  }

  /** The row's values over every field its file can fill, absent ones as null. */
  private projected(values: ProjectedValues, rootValues: ProjectedValues): ProjectedValues {
    // Root keys (`^…`) first: they sort before field names, and hashing an object already in order skips a copy.
    const out: ProjectedValues = {};
    for (const field of this.state.compiled.rootFields) out[rootFieldKey(field)] = rootValues[field] ?? null;
    for (const field of this.state.compiled.fields) out[field] = values[field] ?? null;
    return out;
  }

  /**
   * The documents this (owner) file held, now that every file embedding into them is
   * read: lists in key order (so a re-ordered export is not a change), checked whole,
   * registered for the files that refer to them, and handed to the writer.
   */
  completeHeld(): PendingUnit[] {
    const holder = this.context.holders.get(this.mapping.file);
    this.context.holders.delete(this.mapping.file);
    const units: PendingUnit[] = [];
    for (const held of holder?.values() ?? []) {
      for (const embedder of this.embedders) {
        const embed = embedder.embedIn;
        const list = embed?.list ? held.doc[embed.path] : undefined;
        if (Array.isArray(list) && embed?.itemKey) list.sort((a, b) => compareItems(a, b, embed.itemKey ?? []));
      }
      const result = validateDocument(this.collection, held.doc);
      if (!result.ok) {
        // Every row passed on its own; a document that fails whole is rejected whole.
        const message = result.errors.map((e) => e.message).join('、');
        for (const row of held.rows) {
          row.state.counts.rejected++;
          this.context.reject(row.state, row.row, row.key, [{ column: '', value: '', kind: 'schema', message }]);
        }
        this.context.registry.reject(this.mapping.file, held.key);
        continue;
      }
      const doc = held.doc;
      this.context.registry.accept(this.mapping.file, held.key, {
        id: String(doc.id),
        personId: typeof doc.personId === 'string' ? doc.personId : String(doc.id),
        ...(typeof doc.centerId === 'string' ? { centerId: doc.centerId } : {}),
      });
      units.push({
        unit: {
          collection: this.collection,
          doc,
          owned: this.ownedFields(doc),
          ...(this.defaulted.length > 0 ? { defaulted: this.defaulted } : {}),
          checks: held.checks,
        },
        rows: held.rows,
        files: [],
      });
    }
    return units;
  }

  /** The mapping's own fields, plus any other field the document has (shared array when there is none). */
  ownedFields(doc: PlainDocument): readonly string[] {
    let extra: string[] | undefined;
    for (const field of Object.keys(doc)) {
      if (!this.owned.has(field) && !STAMP_FIELDS.has(field) && !this.defaulted.includes(field)) (extra ??= []).push(field);
    }
    return extra ? [...this.ownedList, ...extra] : this.ownedList;
  }

  /**
   * Validates against the shared schema. An embedded row is checked with only its owner's
   * required fields and its own list, which is what it can break, and costs a fraction.
   */
  private schemaProblems(record: CsvRecord, doc: PlainDocument, embedPath: string | undefined): Problem[] {
    let candidate = doc;
    if (embedPath !== undefined) {
      const required: readonly string[] = collections[this.collection].schema.required;
      candidate = {};
      for (const field of [...required, embedPath, ...this.state.compiled.rootFields.map(topLevel)]) if (field in doc) candidate[field] = doc[field];
    }
    const result = validateDocument(this.collection, candidate);
    if (result.ok) return [];
    return result.errors.map((error) => {
      const column = this.columnOfError(error.field, embedPath);
      const compiled = column ? this.state.compiled.byName.get(column) : undefined;
      return { column: column ?? '', value: compiled ? (record.cells[compiled.index] ?? '') : '', kind: 'schema' as RejectKind, message: format(r.schema, { message: error.message }) };
    });
  }

  private columnOfError(field: string, embedPath: string | undefined): string | undefined {
    let segments = field.split('/').filter(Boolean);
    if (embedPath !== undefined && segments[0] === embedPath) {
      segments = segments.slice(1);
      if (this.mapping.embedIn?.list && /^[0-9]+$/.test(segments[0] ?? '')) segments = segments.slice(1);
    }
    for (let n = segments.length; n > 0; n--) {
      const column = this.state.compiled.columnOfField.get(segments.slice(0, n).join('.'));
      if (column) return column;
    }
    return undefined;
  }

  private lookup(column: CompiledColumn, value: unknown, file: string, raw: string, problems: Problem[]): RefEntry | undefined {
    if (value === undefined) return undefined;
    const entry = this.context.registry.get(file, String(value));
    if (!entry) problems.push(this.missingReference(column, String(value), file, raw));
    return entry;
  }

  private missingReference(column: CompiledColumn, key: string, file: string, raw: string): Problem {
    const rejected = this.context.registry.wasRejected(file, key);
    return this.problem(column, rejected ? 'rejectedReference' : 'unknownReference', { column: column.spec.column, value: raw, target: this.titleOf(file) });
  }

  private problem(column: CompiledColumn, kind: RejectKind, params: Record<string, string | number>): Problem {
    const result = rejection(kind, params);
    return { column: column.spec.column, value: String(params.value ?? ''), kind, message: result.message };
  }

  private rejectRow(row: number, key: string, problems: readonly Problem[]): undefined {
    this.state.counts.rejected++;
    this.context.registry.reject(this.mapping.file, key);
    this.context.reject(this.state, row, key, problems);
    return undefined;
  }

  /** 町丁目コード → address master → living area → its center. */
  private centerOfTown(record: CsvRecord, column: string): string | undefined {
    const compiled = this.state.compiled.byName.get(column);
    const town = compiled ? compiled.convert(record.cells[compiled.index] ?? '') : undefined;
    if (!town?.ok || town.value === undefined) return undefined;
    const [addressKind, livingAreaKind] = ruleMasterKinds.centerOfTown;
    const addressFile = this.fileOfMasterKind(addressKind);
    const livingAreaFile = this.fileOfMasterKind(livingAreaKind);
    const address = addressFile ? this.context.registry.get(addressFile, String(town.value))?.doc : undefined;
    const areaCode = (address?.address as { livingAreaCode?: string } | undefined)?.livingAreaCode;
    const area = livingAreaFile && areaCode ? this.context.registry.get(livingAreaFile, areaCode)?.doc : undefined;
    return (area?.livingArea as { centerCode?: string } | undefined)?.centerCode;
  }

  private fileOfMasterKind(kind: string): string | undefined {
    return this.context.set.mappings.find((m) => m.mapping.masterKind === kind)?.mapping.file;
  }

  private loadFile(column: CompiledColumn, name: string, raw: string, problems: Problem[]): FileValue | undefined {
    const spec: ColumnMapping = column.spec;
    const folder = spec.folder ?? '';
    const actual = this.listing(folder).get(name.toLowerCase());
    if (actual === undefined) {
      problems.push(this.problem(column, 'fileMissing', { column: spec.column, value: raw, folder }));
      return undefined;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(this.context.exportDir, folder, actual));
    } catch {
      problems.push(this.problem(column, 'fileMissing', { column: spec.column, value: raw, folder }));
      return undefined;
    }
    if (bytes.length > maxFileBytes) {
      problems.push(this.problem(column, 'fileTooLarge', { column: spec.column, value: raw, limit: maxFileBytes / 1024 / 1024 }));
      return undefined;
    }
    const contentType = spec.contentType ?? contentTypes[extname(actual).toLowerCase()] ?? 'application/octet-stream';
    if (contentType === 'application/pdf' && !bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
      problems.push(this.problem(column, 'fileType', { column: spec.column, value: raw, contentType }));
      return undefined;
    }
    return { name, payload: { sha256: sha256Hex(bytes), contentType, size: bytes.length, bytes } };
  }

  /** A folder's files by lower-cased name: Windows exports do not keep case. */
  private listing(folder: string): Map<string, string> {
    let listing = this.folderListings.get(folder);
    if (!listing) {
      listing = new Map();
      try {
        for (const name of readdirSync(join(this.context.exportDir, folder))) listing.set(name.toLowerCase(), name);
      } catch {
        // No folder: every file named in it is missing, which each row reports.
      }
      this.folderListings.set(folder, listing);
    }
    return listing;
  }
}

/** A cell as read (a module function: a closure per row costs more under tsx's keepNames). */
function rawOf(cells: readonly string[], column: CompiledColumn): string {
  return cells[column.index] ?? '';
}

function compareItems(a: unknown, b: unknown, fields: readonly string[]): number {
  for (const field of fields) {
    const x = (a as Record<string, unknown>)[field];
    const y = (b as Record<string, unknown>)[field];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}
