// Serves the built client (renderer/dist, from `npm run build`) when it exists: hashed
// assets cached for a year, the service worker and the page itself always revalidated
// (a stale service worker would pin every tablet to an old client), and any other
// page path answered with index.html so the client's router can take it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';

/** Files a browser must re-check on every load. */
const alwaysRevalidate = /(^|\/)(index\.html|sw\.js|service-worker\.js|registerSW\.js|manifest\.webmanifest)$/;

export function clientFiles(dir: string): Router {
  const router = express.Router();
  router.use(
    express.static(dir, {
      index: false,
      fallthrough: true,
      setHeaders: (res, file) => {
        const relative = path.relative(dir, file).split(path.sep).join('/');
        if (alwaysRevalidate.test(relative)) res.setHeader('Cache-Control', 'no-cache');
        else if (relative.startsWith('assets/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        else res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  router.use((req: Request, res: Response, next: NextFunction) => {
    const index = path.join(dir, 'index.html');
    const isPage = (req.method === 'GET' || req.method === 'HEAD') && !req.path.startsWith('/api/') && path.extname(req.path) === '' && req.accepts('html') === 'html';
    if (!isPage || !existsSync(index)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
