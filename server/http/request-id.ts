// Every request gets an id, returned in `X-Request-Id` and written into its audit
// entries and the server log, so a user's "問い合わせ番号" leads IT to both. A proxy's id
// is kept when it looks like one.
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const incoming = /^[A-Za-z0-9._-]{8,64}$/;

export function requestIds(req: Request, res: Response, next: NextFunction): void {
  const given = req.get('x-request-id');
  const id = given && incoming.test(given) ? given : randomUUID();
  res.locals.requestId = id;
  res.setHeader('X-Request-Id', id);
  next();
}

export function requestIdOf(res: Response): string {
  return typeof res.locals.requestId === 'string' ? res.locals.requestId : 'unknown';
}
