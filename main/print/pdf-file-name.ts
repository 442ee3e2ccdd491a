// The file name the renderer suggests for a saved PDF. It becomes part of a path on
// Windows, so characters Windows forbids are refused rather than silently replaced: the
// user would otherwise find a file under a name they never saw.
import { desktopMessages, format } from '../../shared/messages/ja';

export const PDF_FILE_NAME_MAX_LENGTH = 120;
// eslint-disable-next-line no-control-regex -- control characters are what we look for
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/g;

export type PdfFileNameCheck = { ok: true; fileName: string } | { ok: false; message: string };

export function checkPdfFileName(input: string | undefined): PdfFileNameCheck {
  const m = desktopMessages.pdf;
  const base = (input ?? '').trim() || m.defaultFileName;
  const forbidden = [...new Set(base.match(FORBIDDEN) ?? [])];
  if (forbidden.length > 0) {
    const shown = forbidden.map((c) => (c < ' ' ? `U+${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}` : c)).join(' ');
    return { ok: false, message: format(m.fileNameInvalid, { chars: shown }) };
  }
  if (/^\.+$/.test(base)) return { ok: false, message: format(m.fileNameInvalid, { chars: base }) };
  const fileName = /\.pdf$/i.test(base) ? base : `${base}.pdf`;
  if (fileName.length > PDF_FILE_NAME_MAX_LENGTH) return { ok: false, message: format(m.fileNameTooLong, { limit: PDF_FILE_NAME_MAX_LENGTH }) };
  return { ok: true, fileName };
}
