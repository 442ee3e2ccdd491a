// The bytes printing needs, loaded once per app session: the Noto Sans JP font and
// HarfBuzz's subsetter. Where they come from is the caller's business (the browser
// fetches them from the app's origin, tests read files), so this module runs anywhere.
import { createFontSubsetter, type FontSubsetter } from './font-subsetter';
import { PrintError } from './print-error';

type Bytes = ArrayBuffer | Uint8Array;

export interface PdfAssetSources {
  /** Noto Sans JP Regular, TrueType (@expo-google-fonts/noto-sans-jp). */
  font(): Promise<Bytes>;
  /** harfbuzzjs's dist/harfbuzz-subset.wasm. */
  harfbuzzWasm(): Promise<Bytes>;
}

export interface PdfAssets {
  /** The font cut down to these code points, ready to embed whole. */
  subsetFont(codePoints: Iterable<number>): Promise<Uint8Array>;
}

export function createPdfAssets(sources: PdfAssetSources): PdfAssets {
  let subsetter: Promise<FontSubsetter> | undefined;
  const load = (): Promise<FontSubsetter> => {
    subsetter ??= Promise.all([sources.harfbuzzWasm(), sources.font()])
      .then(([wasm, font]) => createFontSubsetter(wasm, font))
      .catch((error: unknown) => {
        // Forget the failure so that the next print tries again (the tablet may be back online).
        subsetter = undefined;
        throw new PrintError('assetsUnavailable', { reason: error instanceof Error ? error.message : String(error) });
      });
    return subsetter;
  };
  return {
    async subsetFont(codePoints) {
      return (await load()).subset(codePoints);
    },
  };
}
