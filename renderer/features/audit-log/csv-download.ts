import { ApiFailure, type ApiClient } from '../../api/client';
import { csvFileName, queryString, type CsvEncoding } from './filters';

/**
 * Fetches the server's CSV of the filters (audited there before the first byte) and
 * saves it as a file. The bytes are kept as the server sent them — the BOM of UTF-8, or
 * CP932 — since Excel on a city PC reads exactly those.
 */
export async function downloadAuditCsv(api: ApiClient, params: Record<string, string>, encoding: CsvEncoding): Promise<string> {
  let response: Response;
  try {
    response = await fetch(new URL(`/api/audit/export.csv?${queryString({ ...params, encoding })}`, api.baseUrl), {
      headers: api.headers(),
      credentials: 'omit',
      cache: 'no-store',
    });
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
  const blob = await response.blob();
  const name = csvFileName(encoding, new Date());
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has handed the bytes to the browser's download; a revoke at once may cancel it in some engines.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return name;
}
