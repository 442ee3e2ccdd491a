import { ApiFailure, type ApiClient } from './client';

/**
 * A file the server sends as bytes (a CSV export, a document's scan), with the same
 * failures as JSON calls: unreachable, session ended, or the server's refusal in its
 * own words and with the field it names.
 */
export async function fetchFile(api: ApiClient, path: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(new URL(path, api.baseUrl), { headers: api.headers(), credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new ApiFailure('unreachable', undefined, undefined, undefined);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string; field?: string } } | undefined;
    const code = body?.error?.code;
    const kind = code === 'sessionExpired' || code === 'loginRequired' ? 'sessionExpired' : response.status >= 500 ? 'unexpected' : 'rejected';
    const field = body?.error?.field;
    const message = body?.error?.message;
    throw new ApiFailure(kind, message, response.status, code, field !== undefined && message !== undefined ? [{ field, message }] : []);
  }
  return response.blob();
}

/** Hands bytes to the browser's download under a file name. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has handed the bytes to the browser's download; a revoke at once may cancel it in some engines.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
