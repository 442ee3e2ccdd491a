// What the form says before any PDF is made: which options are circled, which center
// and dates are printed, and which input is refused.
import { describe, expect, it } from 'vitest';
import { carePlanForm, type FormDocument, PrintError } from '../../../renderer/features/print/index';
import { formBlocks } from '../../../renderer/features/print/layout/model';
import { carePlan, person } from '../../integration/print/fixtures';

function circled(form: FormDocument): string[] {
  return [...formBlocks(form)].flatMap((block) => (block.kind === 'choices' ? block.choices.filter((c) => c.chosen).map((c) => c.label) : []));
}

function printedTexts(form: FormDocument): string[] {
  return [...formBlocks(form)].flatMap((block) => (block.kind === 'text' ? [block.text] : []));
}

describe('carePlanForm', () => {
  it('circles the plan category, 認定済 and the care level of a certified 要支援2 plan', () => {
    expect(circled(carePlanForm({ plan: carePlan, person }))).toEqual(['継続', '認定済', '要支援2']);
  });

  it('circles 申請中 for a prevention plan written before certification, taking the level from the person', () => {
    const plan = { ...carePlan, planCategory: 'referral' as const, certifiedOn: undefined, careLevel: undefined };
    expect(circled(carePlanForm({ plan, person: { name: '髙﨑　はな子', insuranceEligibility: { careLevel: '12' } } }))).toEqual(['紹介', '申請中', '要支援1']);
  });

  it('prints the center from the city list unless the caller names it, and marks areas with or without issues', () => {
    const texts = printedTexts(carePlanForm({ plan: carePlan, person }));
    expect(texts).toContain('ひかり野市中央地域包括支援センター');
    expect(texts).toContain('■有　□無'); // 運動・移動: issues written
    expect(texts).toContain('□有　■無'); // 日常生活: none
    expect(printedTexts(carePlanForm({ plan: carePlan, person, centerName: '委託先センター' }))).toContain('委託先センター');
  });

  it('refuses an unknown plan type, naming the field', () => {
    const plan = { ...carePlan, planType: 'other' } as unknown as typeof carePlan;
    expect(() => carePlanForm({ plan, person })).toThrow(PrintError);
    expect(() => carePlanForm({ plan, person })).toThrow('「計画種別」の値「other」が正しくないため印刷できません');
  });

  it('refuses a validity date that does not exist, naming the field', () => {
    expect(() => carePlanForm({ plan: { ...carePlan, validTo: '2025-13-01' }, person })).toThrow('「認定の有効期間（終了）」の日付「2025-13-01」');
  });
});
