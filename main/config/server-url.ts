// The central server's address as typed by whoever sets up the device: checked once,
// here, so that neither the config file nor the CSP ever holds something unusable.
import { desktopMessages, format } from '../../shared/messages/ja';

export const SERVER_URL_MAX_LENGTH = 2048;

export type ServerUrlCheck = { ok: true; url: string } | { ok: false; message: string };

/**
 * Validates a server URL and returns it normalised (no trailing slash), so the
 * renderer can append `/api/...` and the CSP can name its origin.
 */
export function checkServerUrl(input: unknown): ServerUrlCheck {
  const m = desktopMessages.serverUrl;
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, message: m.required };
  const text = input.trim();
  if (text.length > SERVER_URL_MAX_LENGTH) return { ok: false, message: format(m.tooLong, { limit: SERVER_URL_MAX_LENGTH }) };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: m.invalid };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, message: m.scheme };
  if (url.username !== '' || url.password !== '') return { ok: false, message: m.credentials };
  // Checked on the text too: URL drops an empty "?" or "#", which would still show that
  // the person typed something other than a base address.
  if (url.search !== '' || url.hash !== '' || text.includes('?') || text.includes('#')) return { ok: false, message: m.queryOrFragment };
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}
