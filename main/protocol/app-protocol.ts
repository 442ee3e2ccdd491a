// Serves the built renderer (renderer/dist) under kizuna://app/. A custom privileged
// scheme instead of file:// gives the page a real origin for IndexedDB and CSP, and
// confines what it can load to the one folder: anything resolving outside it is refused.
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { contentType } from 'mime-types';
import { desktopMessages, format } from '../../shared/messages/ja';
import { APP_HOST, APP_SCHEME } from '../app-origin';
import type { CustomScheme } from '../electron-api';

/** Registered before the app is ready: standard + secure make it a real, secure origin
 * (storage, fetch, CORS) without giving it any power to bypass the CSP. */
export const appSchemePrivileges: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
};

export interface AppProtocolOptions {
  /** The folder holding the built renderer (index.html and assets/). */
  rendererDir: string;
  /** The CSP to send for a URL; read per response so a new server URL applies on the next load. */
  contentSecurityPolicy: (url?: string) => string;
}

export type AppRequestHandler = (request: Request) => Promise<Response>;

export function createAppRequestHandler(options: AppProtocolOptions): AppRequestHandler {
  const root = resolve(options.rendererDir);
  const m = desktopMessages.appProtocol;

  function textResponse(status: number, text: string): Response {
    return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
  }

  function securityHeaders(type: string, url?: string): Headers {
    return new Headers({
      'Content-Type': type,
      'Content-Security-Policy': options.contentSecurityPolicy(url),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    });
  }

  async function fileResponse(file: string, method: string, url?: string): Promise<Response> {
    const body = method === 'HEAD' ? null : new Uint8Array(await readFile(file));
    const type = contentType(extname(file)) || 'application/octet-stream';
    return new Response(body, { status: 200, headers: securityHeaders(type, url) });
  }

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const response = textResponse(405, format(m.methodNotAllowed, { method: request.method }));
      response.headers.set('Allow', 'GET, HEAD');
      return response;
    }
    const url = new URL(request.url);
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return textResponse(404, format(m.notFound, { path: url.href }));
    const target = resolveInside(root, url.pathname);
    if (target === null) return textResponse(403, format(m.forbidden, { path: url.pathname }));

    const found = await existingFileInside(root, target);
    if (found !== null) return fileResponse(found, request.method, url.href);
    // A path with a file extension is an asset: answering a missing script with the
    // HTML page would only hide the real error behind a MIME-type one.
    const indexFile = join(root, 'index.html');
    if (extname(target) !== '' && target !== indexFile) return textResponse(404, format(m.notFound, { path: url.pathname }));
    // Anything else is a route of the single-page app.
    const index = await existingFileInside(root, indexFile);
    if (index === null) return textResponse(404, format(m.notBuilt, { dir: root }));
    return fileResponse(index, request.method);
  };
}

/** The file a URL path names inside `root`, or null when the path tries to leave it. */
function resolveInside(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  // The URL parser has already removed plain dot segments; encoded ones and backslashes
  // (path separators on Windows) only show up after decoding.
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return null;
  const relative = decoded.replace(/^\/+/, '');
  const full = resolve(root, relative === '' ? 'index.html' : relative);
  return full === root || full.startsWith(root + sep) ? full : null;
}

/** `file` if it is a regular file whose real path (symlinks followed) is inside `root`. */
async function existingFileInside(root: string, file: string): Promise<string | null> {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    if (!realFile.startsWith(realRoot + sep)) return null;
    return (await stat(realFile)).isFile() ? realFile : null;
  } catch {
    return null;
  }
}
