// Validates documents against the shared schemas on the Node side (server pushes and
// REST writes, migration rows). The renderer validates with RxDB's z-schema plugin
// instead, because Ajv compiles validators with `new Function`, which the client's CSP
// forbids. Errors name the field in Japanese via the one messages file.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import {
  collections,
  deviceSchema,
  fieldLabel,
  format,
  userSchema,
  validationMessages,
  type CollectionName,
} from '../../shared/index';

export interface FieldError {
  /** JSON pointer-like path of the offending field, e.g. `relatedPersons/0/name`. */
  field: string;
  /** Japanese message naming the field, for the user. */
  message: string;
  /** Ajv's keyword (required, pattern, …), for code that reacts to the kind of error. */
  keyword: string;
}

export type ValidationResult = { ok: true } | { ok: false; errors: FieldError[] };

type SchemaName = CollectionName | 'users' | 'devices';

const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: true });
// RxDB's schema keywords: meaningful to RxDB, inert for validation.
for (const keyword of ['version', 'primaryKey', 'indexes', 'encrypted', 'keyCompression', 'attachments']) ajv.addKeyword(keyword);

const compiled = new Map<SchemaName, ValidateFunction>();

function schemaOf(name: SchemaName): object {
  if (name === 'users') return userSchema;
  if (name === 'devices') return deviceSchema;
  return collections[name].schema;
}

function validatorFor(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    validate = ajv.compile(schemaOf(name));
    compiled.set(name, validate);
  }
  return validate;
}

/** The field an Ajv error is about (for `required`, the missing property itself). */
function fieldPath(error: ErrorObject): string {
  const base = error.instancePath.replace(/^\//, '');
  const params = error.params as Record<string, unknown>;
  const child =
    error.keyword === 'required' ? params.missingProperty : error.keyword === 'additionalProperties' ? params.additionalProperty : undefined;
  if (typeof child === 'string') return base ? `${base}/${child}` : child;
  return base;
}

function describe(collection: string, error: ErrorObject): FieldError {
  const field = fieldPath(error);
  // Label by the deepest named segment: `relatedPersons/0/name` → 氏名 of a related person
  // is still best named by its list (関係者) plus the leaf.
  const segments = field.split('/').filter((s) => s !== '' && !/^\d+$/.test(s));
  const top = segments[0] ?? '';
  const leaf = segments[segments.length - 1] ?? '';
  const topLabel = fieldLabel(collection, top);
  const label = segments.length > 1 ? `${topLabel}・${fieldLabel(collection, leaf)}` : topLabel;
  const params = error.params as Record<string, unknown>;
  const limit = params.limit;
  const template = (validationMessages as Record<string, string>)[error.keyword] ?? validationMessages.invalid;
  return {
    field,
    keyword: error.keyword,
    message: format(template, { field: label || 'ドキュメント', limit: typeof limit === 'number' ? limit : '' }),
  };
}

export function validateDocument(collection: SchemaName, doc: unknown): ValidationResult {
  const validate = validatorFor(collection);
  if (validate(doc)) return { ok: true };
  return { ok: false, errors: describeErrors(collection, validate.errors) };
}

/**
 * Ajv's errors as field errors labelled from `fieldLabels[labels]`; request bodies and
 * queries (server/http/) use it with their own schemas.
 */
export function describeErrors(labels: string, ajvErrors: readonly ErrorObject[] | null | undefined): FieldError[] {
  // One message per field: a too-short code that also misses its pattern is one problem.
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const error of ajvErrors ?? []) {
    const described = describe(labels, error);
    if (seen.has(described.field)) continue;
    seen.add(described.field);
    errors.push(described);
  }
  return errors;
}

/** Compiles every validator up front, so a broken schema stops start-up, not a request. */
export function compileAllValidators(): void {
  for (const name of Object.keys(collections) as CollectionName[]) validatorFor(name);
  validatorFor('users');
  validatorFor('devices');
}
