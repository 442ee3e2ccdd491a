// The desktop bridge as the renderer sees it: `window.kizuna`, present only inside the
// Electron shell (the PWA has no such object, so `window.kizuna === undefined` is how
// the renderer tells the two apart). Types only: the renderer includes this file for
// its declarations and never imports code from main/.

export type SetServerUrlResult =
  /** Saved; the window reloads right after, so the new server is allowed by the CSP. */
  | { ok: true; serverUrl: string }
  /** Not saved; `message` is Japanese and says what to correct. */
  | { ok: false; message: string };

export interface PrintToPdfRequest {
  /** Suggested file name in the save dialog (".pdf" is added when missing). */
  fileName?: string;
  landscape?: boolean;
}

export type PrintToPdfResult =
  | { status: 'saved'; fileName: string }
  | { status: 'canceled' }
  /** `message` is Japanese and names the file or the field at fault. */
  | { status: 'failed'; message: string };

export interface SavePdfRequest {
  /** Suggested file name in the save dialog (".pdf" is added when missing). */
  fileName: string;
  /** A whole PDF the renderer made (a printed form). */
  bytes: Uint8Array;
}

/** One function per capability; each call is checked in the main process. */
export interface KizunaDesktopApi {
  /** The central server configured on this device, e.g. "https://kizuna.example.lg.jp", or null before setup. */
  getServerUrl(): Promise<string | null>;
  /** Stores the central server's URL for this device (http or https, no query, no credentials). */
  setServerUrl(url: string): Promise<SetServerUrlResult>;
  /** Prints the current view to an A4 PDF and asks the user where to save it. */
  printToPdf(request?: PrintToPdfRequest): Promise<PrintToPdfResult>;
  /** Asks the user where to save a PDF the page made (a printed form) and writes it whole. */
  savePdf(request: SavePdfRequest): Promise<PrintToPdfResult>;
}

declare global {
  interface Window {
    readonly kizuna?: KizunaDesktopApi;
  }
}
