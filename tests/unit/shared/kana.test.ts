import { describe, it, expect } from 'vitest';
import { normalizeKana, toFullWidthKana, hiraganaToKatakana } from '../../../shared/index';

describe('normalizeKana: one key for every way of writing a name', () => {
  it('gives ﾔﾏﾀﾞ ﾀﾛｳ, やまだ　たろう and ヤマダタロウ one key', () => {
    const key = normalizeKana('ヤマダタロウ');
    expect(key).toBe('ヤマダタロウ');
    expect(normalizeKana('ﾔﾏﾀﾞ ﾀﾛｳ')).toBe(key);
    expect(normalizeKana('やまだ　たろう')).toBe(key);
  });

  it('matches a long vowel written ー or spelled out (ヤマダ タロー, タロオ)', () => {
    const key = normalizeKana('ヤマダタロウ');
    expect(normalizeKana('ヤマダ タロー')).toBe(key);
    expect(normalizeKana('ﾔﾏﾀﾞ ﾀﾛｰ')).toBe(key);
    expect(normalizeKana('やまだ たろー')).toBe(key);
    expect(normalizeKana('ヤマダ　タロオ')).toBe(key);
  });

  it('is idempotent', () => {
    for (const text of ['ﾔﾏﾀﾞ ﾀﾛｳ', 'キャー', 'オオノ', 'ヴァイオリン', '090-1234-5678', 'コオオリ', 'ッー', '山田ー']) {
      expect(normalizeKana(normalizeKana(text))).toBe(normalizeKana(text));
    }
  });
});

describe('normalizeKana: each folding', () => {
  it('widens half-width katakana with voiced and semi-voiced marks', () => {
    expect(normalizeKana('ｶﾞｷﾞｸﾞｹﾞｺﾞ')).toBe('ガギグゲゴ');
    expect(normalizeKana('ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ')).toBe('パピプペポ');
  });

  it('joins a spacing ゛ or ゜ typed after the kana', () => {
    expect(normalizeKana('か゛')).toBe('ガ');
    expect(normalizeKana('ハ゜')).toBe('パ');
  });

  it('turns hiragana into katakana', () => {
    expect(normalizeKana('あいうえおん')).toBe('アイウエオン');
    expect(normalizeKana('ぱぴぷぺぽ')).toBe('パピプペポ');
  });

  it('removes ASCII spaces, full-width spaces, tabs and ・', () => {
    expect(normalizeKana(' ヤマダ\tタロウ　')).toBe('ヤマダタロウ');
    expect(normalizeKana('ヤ マ ダ')).toBe('ヤマダ');
    expect(normalizeKana('ジョン・スミス')).toBe(normalizeKana('ジョンスミス'));
    expect(normalizeKana('ｼﾞｮﾝ･ｽﾐｽ')).toBe(normalizeKana('ジョンスミス'));
  });

  it.each([
    ['ァィゥェォ', 'アイウエオ'],
    ['ッ', 'ツ'],
    ['ャュョ', 'ヤユヨ'],
    ['ヮ', 'ワ'],
    ['ヵ', 'カ'],
    ['ヶ', 'ケ'],
    ['ぁぃぅぇぉっゃゅょゎゕゖ', 'アイウエオツヤユヨワカケ'],
    ['ｧｨｩｪｫｯｬｭｮ', 'アイウエオツヤユヨ'],
    ['ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ', 'クシストヌハヒフヘホムラリルレロ'],
  ])('folds small kana %s → %s', (small, large) => {
    expect(normalizeKana(small)).toBe(large);
  });

  it('folds small kana so that キャ, キヤ and きゃ meet, and ハットリ meets ハツトリ', () => {
    expect(normalizeKana('キャ')).toBe(normalizeKana('キヤ'));
    expect(normalizeKana('きゃ')).toBe(normalizeKana('キヤ'));
    expect(normalizeKana('ハットリ')).toBe(normalizeKana('ハツトリ'));
  });

  it.each([
    ['ヴァ', 'バ'],
    ['ヴィ', 'ビ'],
    ['ヴ', 'ブ'],
    ['ヴェ', 'ベ'],
    ['ヴォ', 'ボ'],
    ['ヷヸヹヺ', 'バビベボ'],
    ['ゔぁ', 'バ'],
    ['ｳﾞｧ', 'バ'],
  ])('folds ヴ: %s → %s', (v, b) => {
    expect(normalizeKana(v)).toBe(b);
  });

  it('makes ヴァイオリン and バイオリン one key', () => {
    expect(normalizeKana('ヴァイオリン')).toBe(normalizeKana('バイオリン'));
  });

  it('folds ヂ→ジ, ヅ→ズ and the old kana ヰ→イ, ヱ→エ, ヲ→オ', () => {
    expect(normalizeKana('ヂヅ')).toBe('ジズ');
    expect(normalizeKana('ちぢみ')).toBe(normalizeKana('チジミ'));
    expect(normalizeKana('つづき')).toBe(normalizeKana('ツズキ'));
    expect(normalizeKana('ﾁﾁﾞﾐ')).toBe('チジミ');
    expect(normalizeKana('ヰヱヲ')).toBe('イエオ');
  });

  it.each([['ー'], ['ｰ'], ['－'], ['-'], ['‐'], ['―'], ['−'], ['～'], ['〜'], ['~']])('reads %s after a kana as a long vowel', (mark) => {
    expect(normalizeKana(`タロ${mark}`)).toBe('タロウ');
  });

  it('spells a long-vowel mark as the vowel of the kana before it', () => {
    expect(normalizeKana('マー')).toBe('マア');
    expect(normalizeKana('ミー')).toBe('ミイ');
    expect(normalizeKana('ユー')).toBe('ユウ');
    expect(normalizeKana('ユーコ')).toBe(normalizeKana('ユウコ'));
    expect(normalizeKana('キャー')).toBe(normalizeKana('キャア'));
    expect(normalizeKana('ジョー')).toBe(normalizeKana('ジョウ'));
  });

  it('folds the long お and え however they are spelled', () => {
    const oono = normalizeKana('オオノ');
    expect(normalizeKana('オーノ')).toBe(oono);
    expect(normalizeKana('オウノ')).toBe(oono);
    expect(normalizeKana('ｵｰﾉ')).toBe(oono);
    const keiko = normalizeKana('ケイコ');
    expect(normalizeKana('ケーコ')).toBe(keiko);
    expect(normalizeKana('ケエコ')).toBe(keiko);
    expect(normalizeKana('サトー')).toBe(normalizeKana('サトウ'));
  });

  it('keeps short and long vowels apart: オノ is not オオノ', () => {
    expect(normalizeKana('オノ')).not.toBe(normalizeKana('オオノ'));
    expect(normalizeKana('ユキ')).not.toBe(normalizeKana('ユウキ'));
  });

  it('collapses repeated marks and drops a mark with no vowel before it', () => {
    expect(normalizeKana('タローー')).toBe('タロウ');
    expect(normalizeKana('ンー')).toBe('ン');
    expect(normalizeKana('ッー')).toBe('ツ');
    expect(normalizeKana('ーア')).toBe('ア');
  });
});

describe('normalizeKana: non-kana input passes through', () => {
  it('leaves kanji as they are', () => {
    expect(normalizeKana('山田太郎')).toBe('山田太郎');
    expect(normalizeKana('山田　太郎')).toBe('山田太郎');
    expect(normalizeKana('髙橋')).toBe('髙橋');
  });

  it('keeps digits and hyphens after digits, full-width or not', () => {
    expect(normalizeKana('0123456789')).toBe('0123456789');
    expect(normalizeKana('０１２３４５６７８９')).toBe('0123456789');
    expect(normalizeKana('０９０－１２３４－５６７８')).toBe('090-1234-5678');
  });

  it('makes full-width Latin ASCII and drops a ー with no kana before it', () => {
    expect(normalizeKana('ＡＢＣ')).toBe('ABC');
    expect(normalizeKana('山田ー')).toBe('山田');
  });

  it('returns an empty key for empty or blank input', () => {
    expect(normalizeKana('')).toBe('');
    expect(normalizeKana(' 　\t')).toBe('');
  });
});

describe('toFullWidthKana: the stored display kana', () => {
  it('widens half-width katakana and puts one full-width space between the names', () => {
    expect(toFullWidthKana('ﾔﾏﾀﾞ ﾀﾛｳ')).toBe('ヤマダ　タロウ');
    expect(toFullWidthKana('ﾔﾏﾀﾞ　ﾀﾛｳ')).toBe('ヤマダ　タロウ');
    expect(toFullWidthKana('ヤマダ  　タロウ')).toBe('ヤマダ　タロウ');
    expect(toFullWidthKana('ヤマダ\tタロウ')).toBe('ヤマダ　タロウ');
  });

  it('trims leading and trailing spaces', () => {
    expect(toFullWidthKana('ﾔﾏﾀﾞ ﾀﾛｳ   ')).toBe('ヤマダ　タロウ');
    expect(toFullWidthKana('　ヤマダ　タロウ　')).toBe('ヤマダ　タロウ');
    expect(toFullWidthKana('   ')).toBe('');
  });

  it('keeps the spelling: no folding of ッ, ー, small kana, ヴ or hiragana', () => {
    expect(toFullWidthKana('ﾊｯﾄﾘ ｷｮｳｺ')).toBe('ハットリ　キョウコ');
    expect(toFullWidthKana('ﾀﾛｰ')).toBe('タロー');
    expect(toFullWidthKana('ｳﾞｧｲｵﾘﾝ')).toBe('ヴァイオリン');
    expect(toFullWidthKana('ヂヅ')).toBe('ヂヅ');
    expect(toFullWidthKana('やまだ たろう')).toBe('やまだ　たろう');
  });

  it('joins a half-width voiced mark written after a full-width kana', () => {
    expect(toFullWidthKana('カﾞ')).toBe('ガ');
    expect(toFullWidthKana('ﾞ')).toBe('゛');
  });

  it('leaves full-width text that needs nothing unchanged', () => {
    expect(toFullWidthKana('ヤマダ　タロウ')).toBe('ヤマダ　タロウ');
    expect(toFullWidthKana('ＡＢＣ　ヤマ')).toBe('ＡＢＣ　ヤマ');
  });
});

describe('hiraganaToKatakana', () => {
  it('converts hiragana only', () => {
    expect(hiraganaToKatakana('やまだ たろう ゝゞ')).toBe('ヤマダ タロウ ヽヾ');
    expect(hiraganaToKatakana('山田タロウ123')).toBe('山田タロウ123');
  });
});
