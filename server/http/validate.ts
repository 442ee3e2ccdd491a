// Request bodies and query strings are checked against JSON schemas before a handler
// runs: unknown fields, wrong types and bad values answer 400 naming the field in
// Japanese, so a handler only ever sees input of the declared shape.
import { Ajv, type ValidateFunction } from 'ajv';
import { describeErrors } from '../validation/documents';
import { invalidInput } from './errors';

// Bodies are typed JSON: a number sent as a string is an error, not coerced.
const bodyAjv = new Ajv({ allErrors: true, strict: true });
// Query values always arrive as strings; integers and booleans are coerced.
const queryAjv = new Ajv({ allErrors: true, strict: true, coerceTypes: true, useDefaults: true });

/** Returns the value checked (and, for queries, coerced), or throws a 400 ApiError. */
export type Validator = (value: unknown) => unknown;

/** A stored record's id (a person, a document) as a route parameter. */
export const recordIdPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,119}$/;

function compile(ajv: Ajv, labels: string, schema: object): Validator {
  const validate: ValidateFunction = ajv.compile(schema);
  return (value) => {
    if (!validate(value)) throw invalidInput(describeErrors(labels, validate.errors));
    return value;
  };
}

/** Compiles a body schema (labels name the fields: a key of fieldLabels in the messages file). */
export const bodyValidator = (labels: string, schema: object): Validator => compile(bodyAjv, labels, schema);

/** Compiles a query schema; pass a copy of the query, which comes back coerced (numbers as numbers). */
export const queryValidator = (labels: string, schema: object): Validator => compile(queryAjv, labels, schema);
