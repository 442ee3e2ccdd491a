// Kana as people type it and as the legacy export stores it: half- or full-width,
// hiragana or katakana, with or without the space between family and given name,
// with small kana and long-vowel marks written one way or another. Two functions:
// a display form that keeps the spelling, and a search key that forgets it.

const HIRAGANA = /[\u3041-\u3096\u309D\u309E]/g;
// The distance from a hiragana to its katakana: ぁ U+3041 → ァ U+30A1.
const KATAKANA_OFFSET = 0x60;

/** Hiragana → katakana (ゝゞ too); everything else untouched. */
export function hiraganaToKatakana(text: string): string {
  return text.replace(HIRAGANA, (ch) => String.fromCharCode(ch.charCodeAt(0) + KATAKANA_OFFSET));
}

const HALF_WIDTH_KATAKANA_RUN = /[\uFF61-\uFF9F]+/g;

/**
 * What the migration stores as a person's display kana: half-width katakana made
 * full-width (ﾀﾞ → ダ, ｰ → ー), every run of spaces (ASCII, full-width, tabs) between
 * words made one full-width space, the ends trimmed. The spelling is kept as written
 * (ッ, ー, ヴ, hiragana): this is what the person's record shows, not the search key.
 */
export function toFullWidthKana(text: string): string {
  const widened = text
    // Only the half-width block goes through NFKC, so that full-width ASCII, ㈱ and the
    // like in a name column stay as written.
    .replace(HALF_WIDTH_KATAKANA_RUN, (run) => run.normalize('NFKC'))
    // A half-width ﾞ after a full-width kana arrives as a lone combining mark: join it.
    .normalize('NFC')
    // Whatever is still lone has nothing to join: show it as the spacing mark.
    .replace(/\u3099/g, '\u309B')
    .replace(/\u309A/g, '\u309C');
  return widened.trim().replace(/\s+/gu, '\u3000');
}

const VOWELS: Readonly<Record<string, string>> = (() => {
  const rows: Record<string, string> = {
    ア: 'アカガサザタダナハバパマヤラワァャヮヵヷㇵㇻ',
    イ: 'イキギシジチヂニヒビピミリヰィヸㇱㇶㇼ',
    ウ: 'ウクグスズツヅヌフブプムユルゥュヴㇰㇲㇴㇷㇺㇽ',
    エ: 'エケゲセゼテデネヘベペメレヱェヶヹㇸㇾ',
    オ: 'オコゴソゾトドノホボポモヨロヲォョヺㇳㇹㇿ',
  };
  const table: Record<string, string> = {};
  for (const [vowel, kana] of Object.entries(rows)) for (const ch of kana) table[ch] = vowel;
  return table;
})();

function foldMap(pairs: string): ReadonlyMap<string, string> {
  const chars = [...pairs];
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i] ?? '', chars[i + 1] ?? '');
  return map;
}

// Small kana, including the katakana phonetic extensions (ㇰ…ㇿ), to their large form.
const SMALL_TO_LARGE = foldMap('ァアィイゥウェエォオッツャヤュユョヨヮワヵカヶケㇰクㇱシㇲスㇳトㇴヌㇵハㇶヒㇷフㇸヘㇹホㇺムㇻラㇼリㇽルㇾレㇿロ');
// Kana that sound the same in a name today: ヂ/ジ, ヅ/ズ, and the old ヰ, ヱ, ヲ.
const SAME_SOUND = foldMap('ヂジヅズヰイヱエヲオ');
const V_SOUNDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/ヴァ|ヷ/g, 'バ'],
  [/ヴィ|ヸ/g, 'ビ'],
  [/ヴェ|ヹ/g, 'ベ'],
  [/ヴォ|ヺ/g, 'ボ'],
  [/ヴ/g, 'ブ'],
];

// ー and the marks that stand in for it: ASCII/full-width hyphens, dashes, minus, tildes
// and wave dashes (NFKC has already turned ｰ into ー, － into -, ～ into ~).
const LONG_VOWEL_RUN = /[ー\-\u2010-\u2015\u2212~\u301C\u3030]+/g;
const KATAKANA = /[\u30A1-\u30FA\u31F0-\u31FF]/;

// A long-vowel mark after a kana becomes that kana's vowel. After anything else, ー is
// dropped (it carries no sound there) and a hyphen or tilde is kept, so that numbers
// such as 090-1234-5678 pass through as typed.
function spellOutLongVowels(text: string): string {
  return text.replace(LONG_VOWEL_RUN, (run, offset: number) => {
    const before = text[offset - 1] ?? '';
    if (KATAKANA.test(before)) return VOWELS[before] ?? '';
    return [...run].filter((ch) => ch !== 'ー').join('');
  });
}

// After an お-row kana, オ and ウ are one long vowel (オオノ, オーノ, オウノ; タロー, タロウ);
// after an え-row kana, エ and イ are (ケーコ, ケエコ, ケイコ). Names write both.
function foldLongVowels(text: string): string {
  let out = '';
  let previous = '';
  for (const ch of text) {
    const vowelBefore = VOWELS[previous];
    out += vowelBefore === 'オ' && ch === 'オ' ? 'ウ' : vowelBefore === 'エ' && ch === 'エ' ? 'イ' : ch;
    previous = ch;
  }
  return out;
}

function mapChars(text: string, map: ReadonlyMap<string, string>): string {
  let out = '';
  for (const ch of text) out += map.get(ch) ?? ch;
  return out;
}

/**
 * The kana search key. Both the stored name and the typed query go through it, so a
 * match never depends on how the kana was written:
 * - NFKC: half-width katakana → full-width, full-width ASCII and digits → ASCII;
 * - hiragana → katakana; whitespace and the word separator ・ removed (ジョン・スミス);
 * - ヴァ/ヴィ/ヴ/ヴェ/ヴォ (and ヷヸヹヺ) → バ/ビ/ブ/ベ/ボ;
 * - small kana → large (ァ→ア, ッ→ツ, ャ→ヤ, ヮ→ワ, ヵ→カ, ヶ→ケ);
 * - ヂ→ジ, ヅ→ズ, ヰ→イ, ヱ→エ, ヲ→オ;
 * - a long-vowel mark (ー, ｰ, －, ‐, ―, −, ～, 〜) after a kana → that kana's vowel, and
 *   then オ after an お-row kana → ウ, エ after an え-row kana → イ: so タロー, タロウ and
 *   タロオ share the key タロウ, and ケーコ, ケイコ share ケイコ.
 * Kanji, Latin letters and digits pass through (Latin and digits as ASCII), so the
 * search box can send everything through it. The key is idempotent.
 */
export function normalizeKana(text: string): string {
  // A spacing ゛/゜ would survive NFKC as a space plus a mark: make it the combining
  // one first so that か゛ composes into ガ.
  let key = text.replace(/\u309B/g, '\u3099').replace(/\u309C/g, '\u309A').normalize('NFKC');
  key = hiraganaToKatakana(key).replace(/[\s・]+/gu, '');
  key = spellOutLongVowels(key);
  for (const [pattern, replacement] of V_SOUNDS) key = key.replace(pattern, replacement);
  key = mapChars(mapChars(key, SMALL_TO_LARGE), SAME_SOUND);
  return foldLongVowels(key);
}
