// PdfAssets for Node (tests, scripts): the same files the client build ships, read from
// node_modules instead of fetched.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createPdfAssets, type PdfAssets } from '../../../renderer/features/print/pdf-assets';

const require = createRequire(import.meta.url);

export const printAssetFiles = {
  font: require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf'),
  harfbuzzWasm: require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'),
};

const bytesOf = async (file: string): Promise<Uint8Array> => new Uint8Array(await readFile(file));

export function nodePdfAssets(): PdfAssets {
  return createPdfAssets({ font: () => bytesOf(printAssetFiles.font), harfbuzzWasm: () => bytesOf(printAssetFiles.harfbuzzWasm) });
}
