import { describe, expect, it } from 'vitest';
import { normalizePrintText, wrapText } from '../../../renderer/features/print/text-wrap';

// A monospaced stand-in for the font: full-width characters 10 points, the rest 5.
const measure = (text: string): number => Array.from(text).reduce((sum, c) => sum + ((c.codePointAt(0) ?? 0) < 0x100 ? 5 : 10), 0);

describe('wrapText', () => {
  it('keeps every character, in order, and no line is wider than the cell', () => {
    const text = '膝の痛みにより外出の機会が減っている。転倒への不安が強く、玄関の段差で立ち止まることが多い。';
    const lines = wrapText(text, 100, measure);
    expect(lines.join('')).toBe(text);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(100);
  });

  it('never starts a line with 、。」 or a small kana', () => {
    const text = 'あいうえおかきくけ、こさしすせそたちつ。てとなにぬねのはひ」ふへほまみむめもゃやゆよ';
    for (const width of [40, 50, 60, 70, 80, 90, 100]) {
      for (const line of wrapText(text, width, measure).slice(1)) expect(line[0], `width ${width}: ${line}`).not.toMatch(/[、。」ゃ]/);
    }
  });

  it('keeps the line breaks the user typed, blank lines included', () => {
    expect(wrapText('一行目\n\n三行目\r\n四行目', 200, measure)).toEqual(['一行目', '', '三行目', '四行目']);
  });

  it('keeps Latin words whole and breaks a word wider than the cell between characters', () => {
    expect(wrapText('call 0120123456 now', 60, measure)).toEqual(['call', '0120123456', 'now']);
    const long = 'https://example.invalid/a/very/long/path';
    const lines = wrapText(long, 60, measure);
    expect(lines.join('')).toBe(long);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(60);
  });

  it('never separates a kanji from its variation selector', () => {
    const withSelector = '葛\u{e0100}';
    const lines = wrapText(withSelector.repeat(6), 20, measure);
    expect(lines.join('')).toBe(withSelector.repeat(6));
    for (const line of lines) expect(line.startsWith('\u{e0100}')).toBe(false);
  });
});

describe('normalizePrintText', () => {
  it('turns tabs into spaces and drops control characters the font cannot draw', () => {
    expect(normalizePrintText('a\tb\u0007c\r\nd')).toBe('a bc\nd');
  });
});
