// The browser's (and Electron renderer's) source of the print assets: files the build
// copies next to the app, fetched from the app's own origin so that printing works on
// an intranet with no internet and, once the service worker has cached them, offline.
// `?url` makes Vite emit each file as a hashed asset instead of inlining 5 MB.
import fontUrl from '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf?url';
import harfbuzzWasmUrl from 'harfbuzzjs/dist/harfbuzz-subset.wasm?url';
import { createPdfAssets, type PdfAssets } from './pdf-assets';

/** The URLs the service worker must precache for offline printing. */
export const printAssetUrls: readonly string[] = [fontUrl, harfbuzzWasmUrl];

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

let shared: PdfAssets | undefined;

/** One PdfAssets for the whole app: the font is fetched and prepared on the first print only. */
export function browserPdfAssets(): PdfAssets {
  shared ??= createPdfAssets({ font: () => fetchBytes(fontUrl), harfbuzzWasm: () => fetchBytes(harfbuzzWasmUrl) });
  return shared;
}
