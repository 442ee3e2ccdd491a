import { saveBlob } from '../../../api/download';

// Where a finished PDF goes: in the desktop app, to a file the user picks (through the
// preload bridge, which writes it whole or not at all); in the browser, to a download.

export type Delivery = { status: 'saved'; fileName: string } | { status: 'downloaded'; fileName: string } | { status: 'canceled' } | { status: 'failed'; message: string };

/** A PDF made here (a printed form) or fetched from the server (a scanned document). */
export async function deliverPdf(pdf: { fileName: string; bytes: Uint8Array }): Promise<Delivery> {
  const desktop = window.kizuna;
  if (desktop?.savePdf) return desktop.savePdf({ fileName: pdf.fileName, bytes: pdf.bytes });
  saveBlob(new Blob([pdf.bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), pdf.fileName);
  return { status: 'downloaded', fileName: pdf.fileName };
}
