/// <reference types="vite/client" />
// A bare page that loads the print module the way the client does (assets fetched from
// this page's origin) and exposes one function for the test to call.
import { browserPdfAssets } from '../../../../renderer/features/print/browser-assets';
import { type CarePlanPrintInput, renderCarePlanPdf } from '../../../../renderer/features/print/index';

export interface BrowserPrintResult {
  base64?: string;
  pageCount?: number;
  title?: string;
  error?: { name: string; message: string };
}

declare global {
  interface Window {
    printCarePlan(input: CarePlanPrintInput): Promise<BrowserPrintResult>;
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

window.printCarePlan = async (input) => {
  try {
    const printed = await renderCarePlanPdf(input, browserPdfAssets());
    return { base64: toBase64(printed.bytes), pageCount: printed.pageCount, title: printed.title };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return { error: { name: e.name, message: e.message } };
  }
};
