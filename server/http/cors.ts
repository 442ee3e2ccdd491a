// The desktop client is served from kizuna://app (main/app-origin.ts) and calls this
// server cross-origin; the PWA is served by this server and needs no CORS at all. So
// exactly one foreign origin is allowed, and requests from any other origin pass through
// untouched (no CORS headers: the browser keeps them from reading the answer). No
// cookies are involved: the client authenticates with a bearer token.
import cors from 'cors';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** Must equal APP_ORIGIN in main/app-origin.ts (a unit test holds them together). */
export const DESKTOP_APP_ORIGIN = 'kizuna://app';

export function desktopAppCors(): RequestHandler {
  const allow = cors({
    origin: DESKTOP_APP_ORIGIN,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    // Request headers are reflected from the preflight: safe for the one trusted origin,
    // and a header the client adds later does not silently break only the desktop.
    exposedHeaders: ['X-Request-Id', 'Retry-After', 'Content-Disposition'],
    credentials: false,
    maxAge: 600,
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.headers.origin === DESKTOP_APP_ORIGIN) allow(req, res, next);
    else next();
  };
}
