// The desktop app is served from its own origin, never from file://, so that the
// renderer gets a real origin (IndexedDB, CSP 'self', CORS) and no access to the disk.

export const APP_SCHEME = 'kizuna';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/`;

/**
 * True when `url` belongs to the app origin. Compared by scheme and host rather than
 * `URL.origin`, because Node's URL parser reports "null" as the origin of any scheme it
 * does not know, while Electron treats a registered standard scheme as a real origin.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}
