// Errors a route can throw to answer the client: a status, a machine-readable code, a
// Japanese message for the user and, for bad input, the fields at fault. The central
// error handler (error-handler.ts) turns them into one JSON shape.
import type { FieldError } from '../validation/documents';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly FieldError[] = [],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** 400 for input that failed validation; the first field names the problem. */
export function invalidInput(fields: readonly FieldError[]): ApiError {
  return new ApiError(400, 'invalidInput', fields[0]?.message ?? 'invalid input', fields);
}

/** 400 for one field, with its Japanese message. */
export function invalidField(field: string, message: string, keyword = 'invalid'): ApiError {
  return invalidInput([{ field, message, keyword }]);
}

/** The body every error response carries (documented in server/API.md). */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    /** The first field at fault, for a form to focus. */
    field?: string;
    fields?: FieldError[];
  };
  requestId: string;
}

export function errorBody(error: ApiError, requestId: string): ErrorBody {
  const first = error.fields[0];
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(first ? { field: first.field, fields: [...error.fields] } : {}),
    },
    requestId,
  };
}
