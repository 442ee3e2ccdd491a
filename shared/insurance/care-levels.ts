// 要介護度 codes as the legacy system and the national certification data use them.
// They are zero-padded strings, never numbers: 01 and 1 are not the same code.

export const careLevels = [
  { code: '01', label: '非該当' },
  { code: '06', label: '事業対象者' },
  { code: '09', label: 'みなし非該当' },
  { code: '12', label: '要支援1' },
  { code: '13', label: '要支援2' },
  { code: '19', label: 'みなし要支援' },
  { code: '21', label: '要介護1' },
  { code: '22', label: '要介護2' },
  { code: '23', label: '要介護3' },
  { code: '24', label: '要介護4' },
  { code: '25', label: '要介護5' },
  { code: '99', label: 'なし' },
] as const satisfies ReadonlyArray<{ readonly code: string; readonly label: string }>;

export type CareLevelCode = (typeof careLevels)[number]['code'];
export type CareLevelLabel = (typeof careLevels)[number]['label'];

const labels: ReadonlyMap<string, CareLevelLabel> = new Map(careLevels.map(({ code, label }) => [code, label]));

export function isCareLevelCode(code: unknown): code is CareLevelCode {
  return typeof code === 'string' && labels.has(code);
}

/** The Japanese label of a care-level code; undefined for a code not in the table. */
export function careLevelLabel(code: CareLevelCode): CareLevelLabel;
export function careLevelLabel(code: string): CareLevelLabel | undefined;
export function careLevelLabel(code: string): CareLevelLabel | undefined {
  return labels.get(code);
}

/** 要支援1・2: the person needs a 予防給付 plan (preventionPlan). みなし要支援 (19) is not included. */
export function isSupportLevel(code: string): code is '12' | '13' {
  return code === '12' || code === '13';
}

/** 事業対象者: the person qualifies for the 総合事業 through the checklist (communityProgramPlan). */
export function isProgramEligibleLevel(code: string): code is '06' {
  return code === '06';
}

/** 要介護1–5. */
export function isCareLevel(code: string): code is '21' | '22' | '23' | '24' | '25' {
  return code === '21' || code === '22' || code === '23' || code === '24' || code === '25';
}
