// The kanji name as search compares it: NFKC, no spaces, and the old or variant forms
// that the legacy export and people's own spelling use (髙橋, 山﨑, 渡邊, 齋藤) folded to
// the forms people type, so 高橋 finds 髙橋 and the other way round.

const VARIANTS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    髙: '高',
    﨑: '崎',
    嵜: '崎',
    邊: '辺',
    邉: '辺',
    齋: '斎',
    齊: '斉',
    濵: '浜',
    濱: '浜',
    澤: '沢',
    櫻: '桜',
    國: '国',
    廣: '広',
    德: '徳',
    瀨: '瀬',
    冨: '富',
    﨔: '欅',
    槗: '橋',
    惠: '恵',
    榮: '栄',
    龍: '竜',
    眞: '真',
  }),
);

export function nameKey(name: string): string {
  let key = '';
  for (const ch of name.normalize('NFKC')) {
    if (/\s/u.test(ch)) continue;
    key += VARIANTS.get(ch) ?? ch;
  }
  return key;
}
