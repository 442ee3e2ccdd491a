// The Debian packages the test suite needs, and where it finds them. Browser tests use
// Debian's Chromium (never a downloaded browser); PDF checks use poppler-utils.
export interface SystemPackage {
  debianPackage: string;
  /** Executables that must exist once the package is installed. */
  executables: string[];
  purpose: string;
}

export const chromiumPath = process.env.KIZUNA_CHROMIUM ?? '/usr/bin/chromium';

export const systemPackages: SystemPackage[] = [
  { debianPackage: 'chromium', executables: [chromiumPath], purpose: 'browser tests (headless Chromium)' },
  { debianPackage: 'poppler-utils', executables: ['/usr/bin/pdftotext', '/usr/bin/pdftoppm'], purpose: 'checking printed PDFs' },
  { debianPackage: 'fonts-noto-cjk', executables: ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'], purpose: 'Japanese glyphs in browser screenshots' },
];

/** Chromium flags for this closed network: without the background-networking ones it
 * floods the resolver with lookups that the network refuses. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
