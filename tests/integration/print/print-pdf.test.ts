// The printed care plan and evaluation, checked the way a person would check the paper:
// every entered text is on it (read back with pdftotext), the pages have ink, the paper
// is A3 / A4 landscape, every character has a real glyph, and the file stays small.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type PrintedForm, PrintError, renderCarePlanPdf, renderPlanEvaluationPdf } from '../../../renderer/features/print/index';
import { carePlan, expectedOnPaper, migratedCommunityPlan, missingOnPaper, person, planEvaluation } from './fixtures';
import { nodePdfAssets } from './node-assets';
import { appearsInOrder, embeddedFonts, pdfPages, pdfText, renderPage } from './pdf-inspect';

const assets = nodePdfAssets();
const printedAt = new Date('2024-04-05T00:00:00Z');

async function keepForInspection(name: string, bytes: Uint8Array): Promise<void> {
  // Set KIZUNA_PRINT_OUT=dir to look at the PDFs and page images by eye.
  const dir = process.env.KIZUNA_PRINT_OUT;
  if (dir) await writeFile(join(dir, name), bytes);
}

describe('care plan PDF (介護予防サービス・支援計画書)', () => {
  let printed: PrintedForm;
  let text: string;

  beforeAll(async () => {
    printed = await renderCarePlanPdf({ plan: carePlan, person }, assets, { printedAt });
    text = await pdfText(printed.bytes);
    await keepForInspection('care-plan.pdf', printed.bytes);
  });

  it('carries every text entered in the plan, dates in 和暦, even where a cell overflowed onto the next page', () => {
    expect(missingOnPaper(text, carePlan)).toEqual([]);
    expect(appearsInOrder(text, '髙﨑　はな子　様')).toBe(true);
    expect(text).toContain('令和6年4月1日');
    expect(text).not.toContain('2024-04-01');
  });

  it('prints the form labels of the official 様式 and the checklist counts', () => {
    for (const label of ['介護予防サービス・支援計画書', 'アセスメント領域と現在の状況', '総合的課題', '目標についての支援のポイント', '健康状態について', '計画に関する同意', '運動不足', 'うつ予防']) {
      expect(appearsInOrder(text, label, 1), label).toBe(true);
    }
    expect(appearsInOrder(text, '予防給付または地域支援事業 3/5 0/2 1/3 1/2 0/3 2/5')).toBe(true);
  });

  it('is A3 landscape, and the overflowing assessment text continues on a second page', async () => {
    const pages = await pdfPages(printed.bytes);
    expect(pages.length).toBe(printed.pageCount);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      expect(page.widthPt).toBeCloseTo(1190.55, 0);
      expect(page.heightPt).toBeCloseTo(841.89, 0);
    }
    // The sixth paragraph of the assessment starts on page 1 and its end is on page 2.
    const lastParagraph = (carePlan.assessment?.motor?.situation ?? '').split('\n').at(-1) ?? '';
    expect(appearsInOrder(text, lastParagraph)).toBe(true);
    expect(text.indexOf('（続き）')).toBeGreaterThan(0);
  });

  it('renders pages with ink on them, not blank', async () => {
    for (let page = 1; page <= printed.pageCount; page++) {
      const raster = await renderPage(printed.bytes, page);
      await keepForInspection(`care-plan-${page}.png`, raster.png);
      expect(raster.width).toBeGreaterThan(raster.height);
      expect(raster.inkRatio).toBeGreaterThan(0.01);
      expect(raster.inkRatio).toBeLessThan(0.5);
    }
  });

  it('embeds one subset font that has a drawn glyph for every character, 髙 﨑 ① included', async () => {
    const fonts = await embeddedFonts(printed.bytes);
    expect(fonts).toHaveLength(1);
    const [{ baseFont, font, programBytes }] = fonts as [(typeof fonts)[number]];
    expect(baseFont).toMatch(/^\/[A-Z]{6}\+NotoSansJP-Regular$/);
    expect(font.numGlyphs).toBeLessThan(1000); // the whole Noto Sans JP has 17,103
    expect(programBytes).toBeLessThan(400_000);
    const characters = new Set(Array.from(expectedOnPaper(carePlan).map((e) => e.value).join('')).filter((c) => c.trim() !== ''));
    for (const c of ['髙', '﨑', '①']) expect(characters.has(c)).toBe(true);
    const blank = [...characters].filter((c) => {
      const glyph = font.glyphForCodePoint(c.codePointAt(0) as number);
      return glyph.id === 0 || glyph.path.toSVG() === '';
    });
    expect(blank).toEqual([]);
  });

  it('is a small file', () => {
    expect(printed.bytes.length).toBeLessThan(1_000_000);
    expect(printed.bytes.length).toBeLessThan(300_000);
  });

  it('names the print for the audit log and the save dialog', () => {
    expect(printed.title).toBe('介護予防サービス・支援計画書 第2版（令和6年4月1日）');
    expect(printed.documentId).toBe(carePlan.id);
    expect(printed.personId).toBe(person.id);
    expect(printed.fileName).toBe('介護予防サービス・支援計画書 第2版（令和6年4月1日）_髙﨑　はな子.pdf');
  });
});

describe('care plan PDF of a migrated 総合事業 plan', () => {
  it('prints the legacy 目標と具体策 and support texts and the center of the plan', async () => {
    const printed = await renderCarePlanPdf({ plan: migratedCommunityPlan, person: { name: '浜田　トメ' } }, assets, { printedAt });
    const text = await pdfText(printed.bytes);
    expect(missingOnPaper(text, migratedCommunityPlan)).toEqual([]);
    expect(text).toContain('令和元年5月1日');
    expect(text).toContain('ひかり野市南地域包括支援センター');
    expect(text).toContain('総合事業（介護予防ケアマネジメント）');
    expect(printed.pageCount).toBe(1);
  });
});

describe('evaluation PDF (介護予防支援・サービス評価表)', () => {
  let printed: PrintedForm;
  let text: string;

  beforeAll(async () => {
    printed = await renderPlanEvaluationPdf({ evaluation: planEvaluation, person, centerOpinion: '長女との連絡を密にすること。' }, assets, { printedAt });
    text = await pdfText(printed.bytes);
    await keepForInspection('plan-evaluation.pdf', printed.bytes);
  });

  it('carries every text entered in the evaluation, the center opinion and the decision', () => {
    expect(missingOnPaper(text, planEvaluation)).toEqual([]);
    expect(text).toContain('長女との連絡を密にすること。');
    expect(appearsInOrder(text, '■プラン継続 □プラン変更 □終了')).toBe(true);
    expect(appearsInOrder(text, '令和6年4月1日～令和6年9月30日')).toBe(true);
    expect(text).toContain('一部達成');
  });

  it('is one A4 landscape page with ink on it', async () => {
    const pages = await pdfPages(printed.bytes);
    expect(pages).toEqual([{ widthPt: expect.closeTo(841.89, 0) as number, heightPt: expect.closeTo(595.28, 0) as number }]);
    const raster = await renderPage(printed.bytes, 1);
    await keepForInspection('plan-evaluation-1.png', raster.png);
    expect(raster.inkRatio).toBeGreaterThan(0.01);
  });

  it('is small and titled for the audit log', () => {
    expect(printed.bytes.length).toBeLessThan(300_000);
    expect(printed.title).toBe('介護予防支援・サービス評価表（令和6年9月30日）');
    expect(printed.documentId).toBe(planEvaluation.id);
  });
});

describe('refusing to print what would come out wrong', () => {
  it('names the field whose date is not a real date', async () => {
    const plan = { ...carePlan, createdOn: '2024-02-30' };
    const attempt = renderCarePlanPdf({ plan, person }, assets);
    await expect(attempt).rejects.toBeInstanceOf(PrintError);
    await expect(attempt).rejects.toThrow('「作成日」の日付「2024-02-30」を和暦にできないため印刷できません');
  });

  it('names the field holding a character the font cannot draw, instead of printing a blank', async () => {
    const plan = { ...carePlan, overallPolicy: '笑顔で過ごす😀' };
    await expect(renderCarePlanPdf({ plan, person }, assets)).rejects.toThrow('「総合的な方針」に印刷できない文字があります: 😀');
  });

  it('needs the person’s name', async () => {
    await expect(renderPlanEvaluationPdf({ evaluation: planEvaluation, person: { name: ' ' } }, assets)).rejects.toThrow('「利用者名」がないため印刷できません');
  });
});
