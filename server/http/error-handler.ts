// The central error handler: every error becomes one JSON shape (server/API.md). Bad
// input is a 400/413 naming the field; anything unexpected is a 500 that tells the user
// only the request id (the stack goes to the server log, never to the client).
import type { NextFunction, Request, Response } from 'express';
import { format, serverMessages } from '../../shared/index';
import { ApiError, errorBody } from './errors';
import { requestIdOf } from './request-id';

const m = serverMessages.http;

/** body-parser's errors carry a `type`; map the ones a client can cause. */
function fromParserError(error: { type?: string; limit?: number; status?: number }): ApiError | undefined {
  const field = [{ field: 'body', keyword: 'type', message: '' }];
  switch (error.type) {
    case 'entity.parse.failed':
      return new ApiError(400, 'malformedJson', m.malformedJson, [{ ...field[0]!, message: m.malformedJson }]);
    case 'entity.missing':
      return new ApiError(400, 'jsonRequired', m.jsonRequired, [{ ...field[0]!, keyword: 'required', message: m.jsonRequired }]);
    case 'entity.too.large': {
      const message = format(m.bodyTooLarge, { limit: Math.round((error.limit ?? 0) / 1024) });
      return new ApiError(413, 'bodyTooLarge', message, [{ field: 'body', keyword: 'maxLength', message }]);
    }
    case 'encoding.unsupported':
    case 'charset.unsupported':
    case 'request.size.invalid':
    case 'request.aborted':
    case 'stream.encoding.set':
      return new ApiError(400, 'malformedJson', m.malformedJson, [{ ...field[0]!, message: m.malformedJson }]);
    default:
      return undefined;
  }
}

export function errorHandler(log: (line: string) => void) {
  return (error: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    const requestId = requestIdOf(res);
    let apiError = error instanceof ApiError ? error : fromParserError((error ?? {}) as { type?: string });
    if (!apiError) {
      const status = (error as { status?: number } | undefined)?.status;
      // A client error from a library (e.g. a malformed URL) stays a client error.
      if (typeof status === 'number' && status >= 400 && status < 500) {
        apiError = new ApiError(status === 404 ? 404 : 400, status === 404 ? 'notFound' : 'badRequest', status === 404 ? m.notFound : m.malformedJson);
      } else {
        log(`[${requestId}] ${(error as Error)?.stack ?? String(error)}`);
        apiError = new ApiError(500, 'internal', format(m.internal, { requestId }));
      }
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(apiError.status).set(apiError.headers).json(errorBody(apiError, requestId));
  };
}
