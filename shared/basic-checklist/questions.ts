// The 基本チェックリスト as the Ministry of Health, Labour and Welfare form words it
// (reference/basic-checklist.md). Forms print this text, so it is kept verbatim.

export type BasicChecklistDomain = 'lifeFunction' | 'motor' | 'nutrition' | 'oral' | 'housebound' | 'cognitive' | 'depression';

/** Which answer scores 1: はい, いいえ, or (item 12 only) a BMI under 18.5. */
export type BasicChecklistScoresOn = 'yes' | 'no' | 'bmi';

export interface BasicChecklistQuestion {
  /** 1–25, as printed. */
  readonly number: number;
  readonly text: string;
  readonly scoresOn: BasicChecklistScoresOn;
  readonly domain: BasicChecklistDomain;
}

export const basicChecklistQuestions: readonly BasicChecklistQuestion[] = [
  { number: 1, text: 'バスや電車で1人で外出していますか', scoresOn: 'no', domain: 'lifeFunction' },
  { number: 2, text: '日用品の買物をしていますか', scoresOn: 'no', domain: 'lifeFunction' },
  { number: 3, text: '預貯金の出し入れをしていますか', scoresOn: 'no', domain: 'lifeFunction' },
  { number: 4, text: '友人の家を訪ねていますか', scoresOn: 'no', domain: 'lifeFunction' },
  { number: 5, text: '家族や友人の相談にのっていますか', scoresOn: 'no', domain: 'lifeFunction' },
  { number: 6, text: '階段を手すりや壁をつたわらずに昇っていますか', scoresOn: 'no', domain: 'motor' },
  { number: 7, text: '椅子に座った状態から何もつかまらずに立ち上がっていますか', scoresOn: 'no', domain: 'motor' },
  { number: 8, text: '15分位続けて歩いていますか', scoresOn: 'no', domain: 'motor' },
  { number: 9, text: 'この1年間に転んだことがありますか', scoresOn: 'yes', domain: 'motor' },
  { number: 10, text: '転倒に対する不安は大きいですか', scoresOn: 'yes', domain: 'motor' },
  { number: 11, text: '6ヵ月間で2～3kg以上の体重減少がありましたか', scoresOn: 'yes', domain: 'nutrition' },
  { number: 12, text: '身長・体重 (BMI = kg ÷ m ÷ m)', scoresOn: 'bmi', domain: 'nutrition' },
  { number: 13, text: '半年前に比べて固いものが食べにくくなりましたか', scoresOn: 'yes', domain: 'oral' },
  { number: 14, text: 'お茶や汁物等でむせることがありますか', scoresOn: 'yes', domain: 'oral' },
  { number: 15, text: '口の渇きが気になりますか', scoresOn: 'yes', domain: 'oral' },
  { number: 16, text: '週に1回以上は外出していますか', scoresOn: 'no', domain: 'housebound' },
  { number: 17, text: '昨年と比べて外出の回数が減っていますか', scoresOn: 'yes', domain: 'housebound' },
  { number: 18, text: '周りの人から「いつも同じ事を聞く」などの物忘れがあると言われますか', scoresOn: 'yes', domain: 'cognitive' },
  { number: 19, text: '自分で電話番号を調べて、電話をかけることをしていますか', scoresOn: 'no', domain: 'cognitive' },
  { number: 20, text: '今日が何月何日かわからない時がありますか', scoresOn: 'yes', domain: 'cognitive' },
  { number: 21, text: '（ここ2週間）毎日の生活に充実感がない', scoresOn: 'yes', domain: 'depression' },
  { number: 22, text: '（ここ2週間）これまで楽しんでやれていたことが楽しめなくなった', scoresOn: 'yes', domain: 'depression' },
  { number: 23, text: '（ここ2週間）以前は楽にできていたことが今ではおっくうに感じられる', scoresOn: 'yes', domain: 'depression' },
  { number: 24, text: '（ここ2週間）自分が役に立つ人間だと思えない', scoresOn: 'yes', domain: 'depression' },
  { number: 25, text: '（ここ2週間）わけもなく疲れたような感じがする', scoresOn: 'yes', domain: 'depression' },
];

export const basicChecklistQuestionCount = 25;
/** The item that is not a question but height and weight. */
export const bmiQuestionNumber = 12;

export interface BasicChecklistDomainInfo {
  readonly key: BasicChecklistDomain;
  readonly label: string;
  /** The heading the plan form prints the count under; 生活機能 has none. */
  readonly planLabel: string | null;
  readonly questions: readonly number[];
}

function questionsOf(domain: BasicChecklistDomain): readonly number[] {
  return basicChecklistQuestions.filter((q) => q.domain === domain).map((q) => q.number);
}

export const basicChecklistDomains: readonly BasicChecklistDomainInfo[] = [
  { key: 'lifeFunction', label: '生活機能', planLabel: null, questions: questionsOf('lifeFunction') },
  { key: 'motor', label: '運動器', planLabel: '運動不足', questions: questionsOf('motor') },
  { key: 'nutrition', label: '栄養', planLabel: '栄養改善', questions: questionsOf('nutrition') },
  { key: 'oral', label: '口腔', planLabel: '口腔内ケア', questions: questionsOf('oral') },
  { key: 'housebound', label: '閉じこもり', planLabel: '閉じこもり予防', questions: questionsOf('housebound') },
  { key: 'cognitive', label: '認知', planLabel: '物忘れ予防', questions: questionsOf('cognitive') },
  { key: 'depression', label: 'うつ', planLabel: 'うつ予防', questions: questionsOf('depression') },
];

/** The 事業対象者 criteria, in the order the result lists them. */
export const basicChecklistCriteria = ['multiple', 'motor', 'nutrition', 'oral', 'housebound', 'cognitive', 'depression'] as const;
export type BasicChecklistCriterion = (typeof basicChecklistCriteria)[number];

export const basicChecklistCriterionLabels: Readonly<Record<BasicChecklistCriterion, string>> = {
  multiple: '複数の項目に支障',
  motor: '運動機能の低下',
  nutrition: '低栄養状態',
  oral: '口腔機能の低下',
  housebound: '閉じこもり',
  cognitive: '認知機能の低下',
  depression: 'うつ病の可能性',
};
