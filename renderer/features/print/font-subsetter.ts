// HarfBuzz's hb-subset, driven directly through the exports of harfbuzzjs's
// harfbuzz-subset.wasm. subset-font does the same but reads the wasm with `fs`, so it
// cannot run on a tablet; here the caller injects the wasm and font bytes (Node reads
// files, the browser fetches them from the app's own origin).
//
// Instantiating WebAssembly needs `'wasm-unsafe-eval'` in the script-src of where it runs:
// in the app, the print worker, whose script alone is sent with it (shared/security/wasm-workers.ts).

interface HarfBuzzSubsetExports {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, setType: number): number;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_preprocess(face: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
// pdf-lib, embedding a font whole, writes glyph widths and the ToUnicode map (what copy,
// search and pdftotext read) only for glyphs the cmap reaches. A glyph that OpenType
// layout substitutes in (a digit after Latin letters, say) would print 1 em wide and
// vanish from the text. Without layout tables every glyph drawn is a cmap glyph;
// Japanese needs neither kerning nor ligatures.
const layoutTables = ['GSUB', 'GPOS', 'GDEF', 'BASE', 'JSTF', 'morx', 'kerx', 'kern'];

function tag(name: string): number {
  return Array.from(name).reduce((value, char) => ((value << 8) | char.charCodeAt(0)) >>> 0, 0);
}
// Hinting only helps small sizes on low-resolution screens; printed forms are
// rasterised at printer resolution, and the instructions are a large share of Noto's bytes.
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;

export interface FontSubsetter {
  /** A TrueType font holding exactly the glyphs for these code points (plus .notdef and layout closure). */
  subset(codePoints: Iterable<number>): Uint8Array;
}

export class FontSubsetError extends Error {
  override name = 'FontSubsetError';
}

function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/**
 * Loads hb-subset and the font once; every later subset reuses the face that
 * hb_subset_preprocess prepared, so a document costs one subsetting pass, not a reparse
 * of the whole 5 MB font.
 */
export async function createFontSubsetter(harfbuzzWasm: ArrayBuffer | Uint8Array, font: ArrayBuffer | Uint8Array): Promise<FontSubsetter> {
  // A view over a SharedArrayBuffer cannot be compiled; ours never is one.
  const { instance } = await WebAssembly.instantiate(toBytes(harfbuzzWasm) as Uint8Array<ArrayBuffer>, {});
  const hb = instance.exports as unknown as HarfBuzzSubsetExports;
  hb._initialize();
  // The wasm memory can grow during subsetting, which detaches earlier views: take a
  // fresh view at every use.
  const heap = () => new Uint8Array(hb.memory.buffer);

  const fontBytes = toBytes(font);
  // The face keeps pointing into this buffer for the subsetter's whole life: never freed.
  const fontPointer = hb.malloc(fontBytes.byteLength);
  if (fontPointer === 0) throw new FontSubsetError('hb-subset could not allocate memory for the font');
  heap().set(fontBytes, fontPointer);
  const blob = hb.hb_blob_create(fontPointer, fontBytes.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
  const rawFace = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  const face = hb.hb_subset_preprocess(rawFace);
  hb.hb_face_destroy(rawFace);

  return {
    subset(codePoints) {
      const input = hb.hb_subset_input_create_or_fail();
      if (input === 0) throw new FontSubsetError('hb_subset_input_create_or_fail failed');
      let subsetFace = 0;
      try {
        const unicodes = hb.hb_subset_input_unicode_set(input);
        for (const codePoint of codePoints) hb.hb_set_add(unicodes, codePoint);
        hb.hb_set_clear(hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
        const dropTables = hb.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
        for (const table of layoutTables) hb.hb_set_add(dropTables, tag(table));
        hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_NO_HINTING);
        subsetFace = hb.hb_subset_or_fail(face, input);
      } finally {
        hb.hb_subset_input_destroy(input);
      }
      if (subsetFace === 0) throw new FontSubsetError('hb_subset_or_fail failed: the font may be corrupt');
      const result = hb.hb_face_reference_blob(subsetFace);
      try {
        const length = hb.hb_blob_get_length(result);
        if (length === 0) throw new FontSubsetError('hb-subset produced an empty font');
        const offset = hb.hb_blob_get_data(result, 0);
        return heap().slice(offset, offset + length);
      } finally {
        hb.hb_blob_destroy(result);
        hb.hb_face_destroy(subsetFace);
      }
    },
  };
}
