import type { PrintedForm } from '../../print/index';

// Where a finished PDF goes: in the desktop app, to a file the user picks (through the
// preload bridge, which writes it whole or not at all); in the browser, to a download.

export type Delivery = { status: 'saved'; fileName: string } | { status: 'downloaded'; fileName: string } | { status: 'canceled' } | { status: 'failed'; message: string };

export async function deliverPdf(printed: PrintedForm): Promise<Delivery> {
  const desktop = window.kizuna;
  if (desktop?.savePdf) return desktop.savePdf({ fileName: printed.fileName, bytes: printed.bytes });
  const url = URL.createObjectURL(new Blob([printed.bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = printed.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy by the time a minute has passed.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { status: 'downloaded', fileName: printed.fileName };
}
