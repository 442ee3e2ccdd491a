// An invented care plan and evaluation for 髙﨑 はな子 of ひかり野市: every name, place and
// circumstance here is made up. The texts carry the characters that break naive PDF
// fonts (髙 and 﨑 outside JIS X 0208, circled digits) and texts long enough to overflow
// their cells and the page.
import { type CarePlan, isIsoDate, type PlanEvaluation, toWareki } from '../../../shared/index';
import type { PrintPerson } from '../../../renderer/features/print/index';
import { appearsInOrder } from './pdf-inspect';

export const person: PrintPerson & { id: string } = {
  id: 'person-print-0001',
  name: '髙﨑　はな子',
  insuranceEligibility: { careLevel: '13' },
};

/** A paragraph that fills several lines of any cell it lands in, with its own line breaks. */
export function longText(topic: string, paragraphs: number): string {
  const out: string[] = [];
  for (let i = 1; i <= paragraphs; i++) {
    out.push(
      `${topic}その${i}：朝は七時ごろに起きて、台所まで伝い歩きで移動している。雨の日は膝の痛みが強く、玄関の段差（約二十五センチ）で立ち止まることが多い。` +
        `長女（市外在住）は月に二回訪れ、買い物と通院に付き添っている。本人は「できることは自分でしたい」と話している。`,
    );
  }
  return out.join('\n');
}

export const carePlan: CarePlan = {
  id: 'careplan-print-0001',
  personId: person.id,
  centerId: '01',
  planType: 'preventionPlan',
  planNumber: 'P-2024-0317',
  planVersion: 2,
  previousVersionId: 'careplan-print-0000',
  createdOn: '2024-04-01',
  firstCreatedOn: '2023-10-02',
  planCategory: 'continuation',
  entrusted: true,
  entrustedProvider: '1399900012',
  careLevel: '13',
  certifiedOn: '2024-03-15',
  validFrom: '2024-04-01',
  validTo: '2025-03-31',
  planner: '﨑山　莉緒',
  goalDay: '朝の体操を続け、昼は近所の集会所で仲間とお茶を飲む。',
  goalYear: '一年後も自宅で暮らし、秋の地区文化祭に①ちぎり絵を出品する。',
  assessment: {
    motor: { situation: longText('移動', 6), wishes: '自分の足で集会所まで歩きたい。', issues: '膝の痛みにより外出の機会が減っている。\n転倒への不安が強い。' },
    dailyLife: { situation: '調理は簡単なものなら自分でしている。掃除機は重くて使えない。', wishes: '台所仕事は続けたい。', issues: '' },
    social: { situation: '以前は毎週②カラオケ教室に通っていた。', wishes: '友人と会う機会を増やしたい。', issues: '外出頻度の低下。' },
    health: { situation: '高血圧で月一回通院。服薬は自己管理できている。', wishes: '薬の飲み忘れを防ぎたい。', issues: '' },
  },
  overallIssues: '①膝の痛みによる外出機会の減少\n②閉じこもり傾向による意欲の低下',
  goals: [
    { goalId: 'g1', goal: '週二回、集会所の体操教室に通う。', measures: '通所型サービスで下肢筋力を高める運動を行う。' },
    { goalId: 'g2', goal: '買い物に月二回、長女と出かける。', measures: '長女の付き添いで近所のスーパーまで歩く。' },
  ],
  supportRows: [
    {
      supportPoints: '膝に負担の少ない運動から始める。',
      selfCareInformal: '自宅で毎朝ストレッチを行う。長女の見守り。',
      services: '介護予防通所介護相当サービス',
      serviceType: '通所型サービス',
      provider: 'ひかり野デイサービス桜台',
      periodFrom: '2024-04-01',
      periodTo: '2024-09-30',
    },
    {
      supportPoints: '掃除機がけなど負担の大きい家事を手伝う。',
      selfCareInformal: '',
      services: '訪問型サービス（生活援助）',
      serviceType: '訪問型サービス',
      provider: 'ヘルパーステーション若葉',
      periodFrom: '2024-04-01',
      periodTo: '2024-09-30',
    },
  ],
  healthNotes: '主治医意見書より：変形性膝関節症。階段昇降時の転倒に注意。血圧は安定している。',
  overallPolicy: '膝の痛みに配慮しながら活動量を増やし、地域の集いの場につなげる。',
  checklist: {
    checklistId: 'checklist-print-0001',
    conductedOn: '2024-03-20',
    motor: { scored: 3, of: 5 },
    nutrition: { scored: 0, of: 2 },
    oral: { scored: 1, of: 3 },
    housebound: { scored: 1, of: 2 },
    cognitive: { scored: 0, of: 3 },
    depression: { scored: 2, of: 5 },
  },
  consentOn: '2024-04-03',
  consentBy: '髙﨑　はな子',
  updatedAt: '2024-04-03T01:02:03Z',
};

export const planEvaluation: PlanEvaluation = {
  id: 'evaluation-print-0001',
  personId: person.id,
  centerId: '01',
  planId: carePlan.id,
  evaluatedOn: '2024-09-30',
  evaluator: '﨑山　莉緒',
  goalEvaluations: [
    {
      goalId: 'g1',
      goal: '週二回、集会所の体操教室に通う。',
      periodFrom: '2024-04-01',
      periodTo: '2024-09-30',
      achievement: 'achieved',
      personReason: '',
      plannerReason: '',
      futurePolicy: '体操教室を続け、③月一回の茶話会にも誘う。',
    },
    {
      goalId: 'g2',
      goal: '買い物に月二回、長女と出かける。',
      periodFrom: '2024-04-01',
      periodTo: '2024-09-30',
      achievement: 'partlyAchieved',
      personReason: longText('本人', 3),
      plannerReason: '長女の仕事の都合で付き添いが月一回になった月があった。',
      futurePolicy: '移動販売の利用も提案する。',
    },
  ],
  overallDecision: 'continue',
  notes: '活動量は増えており、現行プランを継続する。',
  updatedAt: '2024-09-30T05:00:00Z',
};

/**
 * A 総合事業 plan as the legacy migration leaves it: 目標と具体策 and the support plan as
 * plain texts rather than rows, and no checklist counts.
 */
export const migratedCommunityPlan: CarePlan = {
  id: 'careplan-print-0002',
  personId: person.id,
  centerId: '03',
  planType: 'communityProgramPlan',
  planVersion: 1,
  createdOn: '2019-05-01',
  planCategory: 'first',
  careLevel: '06',
  planner: '浜田　芳樹',
  goalsText: '①毎日十五分の散歩を続ける。\n②町内会の清掃活動に月一回参加する。',
  selfCare: '散歩の記録を手帳につける。近所の友人が声をかける。',
  servicesText: '一般介護予防事業「いきいき百歳体操」（南台集会所、毎週木曜）',
  updatedAt: '2019-05-01T00:00:00Z',
};

/** Fields that are identifiers, codes or bookkeeping: not printed as they are. */
const notPrinted = new Set([
  'id',
  'personId',
  'centerId',
  'planId',
  'planType',
  'planCategory',
  'careLevel',
  'previousVersionId',
  'checklistId',
  'goalId',
  'achievement',
  'overallDecision',
  'planVersion',
  'scored',
  'of',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'legacy',
  'evaluationDueOn',
]);

/** Every text a user typed into the document, dates as they are stored (ISO), by field path. */
export function enteredTexts(document: object): { path: string; value: string }[] {
  const out: { path: string; value: string }[] = [];
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') out.push({ path, value });
    else if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) if (!notPrinted.has(key)) visit(child, path ? `${path}.${key}` : key);
    }
  };
  visit(document, '');
  return out.filter((entry) => entry.value.trim() !== '');
}

/** What the user typed, in the form it appears on paper: dates in 和暦. */
export function expectedOnPaper(document: object): { path: string; value: string }[] {
  return enteredTexts(document).map(({ path, value }) => ({ path, value: isIsoDate(value) ? toWareki(value) : value }));
}

/** The entered texts that the extracted PDF text lacks, by field path (empty when all are there). */
export function missingOnPaper(pdfText: string, document: object): string[] {
  return expectedOnPaper(document)
    .filter(({ value }) => !appearsInOrder(pdfText, value))
    .map(({ path, value }) => `${path}: ${value.slice(0, 40)}`);
}
