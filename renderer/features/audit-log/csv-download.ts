import type { ApiClient } from '../../api/client';
import { saveBlob } from '../../api/download';
import { csvFileName, queryString, type CsvEncoding } from './filters';

/**
 * Fetches the server's CSV of the filters (audited there before the first byte) and
 * saves it as a file. The bytes are kept as the server sent them — the BOM of UTF-8, or
 * CP932 — since Excel on a city PC reads exactly those.
 */
export async function downloadAuditCsv(api: ApiClient, params: Record<string, string>, encoding: CsvEncoding): Promise<string> {
  const blob = await api.download(`/api/audit/export.csv?${queryString({ ...params, encoding })}`);
  const name = csvFileName(encoding, new Date());
  saveBlob(blob, name);
  return name;
}
