// Invented texts for demo records: what a care manager writes, in the register they
// write it. No real persons, providers or institutions.
import type { Consultation } from '../schemas/index';

export interface ConsultationTopic {
  code: string;
  category: Consultation['businessCategory'];
  content: string;
  response: string;
  dementia?: boolean;
  abuse?: NonNullable<Consultation['abuseTypes']>[number];
}

export const consultationTopics: readonly ConsultationTopic[] = [
  {
    code: '01',
    category: 'general',
    content: '長女より電話。最近、母が同じことを何度も聞くようになり心配している。\n通帳の置き場所が分からなくなることもあるとのこと。',
    response: 'もの忘れ相談医の受診を勧め、医療機関の一覧を送付した。\n来週、自宅を訪問して本人の様子を確認する予定。',
    dementia: true,
  },
  {
    code: '02',
    category: 'general',
    content: '本人来所。膝の痛みで買い物に行けなくなってきた。介護保険のサービスを使えるか知りたい。',
    response: '要介護認定の申請手続きを説明し、申請書の記入を手伝った。基本チェックリストも実施した。',
  },
  {
    code: '03',
    category: 'preventionCareManagement',
    content: 'デイサービス利用開始から1か月。本人より「体操が楽しい、友人もできた」との話あり。',
    response: 'サービス利用状況をモニタリング。目標に向けて順調であり、現在の計画を継続する。',
  },
  {
    code: '04',
    category: 'advocacy',
    content: '近隣住民より電話。隣の一人暮らしの男性宅に、訪問販売の業者が頻繁に出入りしている。',
    response: '本人宅を訪問し契約書類を確認。消費生活センターへつなぎ、クーリングオフの手続きを支援した。',
  },
  {
    code: '05',
    category: 'advocacy',
    content: '民生委員より相談。息子と同居の女性の腕にあざがあり、本人は「転んだ」と話すが不自然。',
    response: '市の高齢者虐待担当へ報告し、事実確認のため市職員と同行訪問する日程を調整した。',
    abuse: 'physical',
  },
  {
    code: '06',
    category: 'advocacy',
    content: '本人より、年金を家族に管理され、自由に使えるお金がないとの訴え。',
    response: '本人の意向を確認し、日常生活自立支援事業の説明を行った。市へ報告済み。',
    abuse: 'financial',
  },
  {
    code: '07',
    category: 'continuingCareManagement',
    content: '居宅介護支援事業所のケアマネジャーより、困難事例について助言を求める相談。',
    response: '地域ケア会議での検討を提案し、関係機関の参加者を調整した。',
  },
  {
    code: '08',
    category: 'general',
    content: '入院中の病院の地域連携室より、退院後の生活について相談。独居で調理が難しい。',
    response: '配食サービスと見守りの利用を提案。退院前カンファレンスに出席する。',
  },
  {
    code: '09',
    category: 'general',
    content: '妻より「夫が夜中に何度も起きて外に出ようとする。眠れない」との相談。',
    response: '認知症地域支援推進員と連携し、家族介護者の会とショートステイの情報を提供した。',
    dementia: true,
  },
  {
    code: '10',
    category: 'preventionCareManagement',
    content: '転倒して通所を休んでいるとの連絡。骨折はなし。',
    response: '自宅を訪問し、住宅改修（手すり設置）の相談に応じた。計画の見直しを検討する。',
  },
  {
    code: '11',
    category: 'general',
    content: '地域のサロンの世話役より、最近顔を見せない参加者がいるとの情報提供。',
    response: '電話で安否を確認。体調不良で休んでいたとのこと。回復後にサロンへの参加を勧めた。',
  },
  {
    code: '12',
    category: 'advocacy',
    content: '次男より、父が食事を満足に取れていない様子で、同居の長男が世話をしていないのではとの相談。',
    response: '訪問して生活状況を確認。市へ報告し、今後の対応を協議することとした。',
    abuse: 'neglect',
  },
];

export const goalTemplates: ReadonlyArray<{ goal: string; measures: string }> = [
  { goal: '一人でスーパーまで歩いて買い物に行ける', measures: '通所型サービスで下肢筋力の運動を週1回行い、自宅でも毎日体操をする。' },
  { goal: '地域のサロンに毎週参加できる', measures: '家族の送迎で参加を始め、慣れてきたら近所の友人と一緒に通う。' },
  { goal: '栄養のある食事を1日3回とれる', measures: '配食サービスを週3回利用し、管理栄養士の助言を受ける。' },
  { goal: '転ばずに安心して入浴できる', measures: '浴室に手すりを設置し、入浴時は家族が声かけをする。' },
  { goal: '口の中を清潔に保ち、むせずに食事ができる', measures: '口腔機能向上プログラムに参加し、毎食後の歯みがきを習慣にする。' },
];

export const supportRowTemplates = [
  {
    supportPoints: '無理のない範囲で運動を続けられるよう、痛みの有無を確認しながら進める。',
    selfCareInformal: '自宅で毎朝ラジオ体操をする。長女が週末に散歩に付き添う。',
    services: '通所型サービス（運動器機能向上）',
    serviceType: '通所型サービスA',
  },
  {
    supportPoints: '外出のきっかけを作り、地域の人との交流を広げる。',
    selfCareInformal: '民生委員が月1回訪問し、サロンの予定を伝える。',
    services: '地域サロン、一般介護予防事業',
    serviceType: '一般介護予防事業',
  },
  {
    supportPoints: '食事の量と体重の変化を定期的に確認する。',
    selfCareInformal: '本人が体重を毎週記録する。',
    services: '配食サービス',
    serviceType: '生活支援サービス',
  },
] as const;

export const assessmentTexts = {
  motor: { situation: '屋内は伝い歩き。屋外は杖を使用し、15分程度で休憩が必要。', wishes: '本人：また一人で散歩に行きたい。家族：転ばないか心配。', issues: '下肢筋力の低下と転倒への不安がある。' },
  dailyLife: { situation: '調理は簡単なものなら可能。掃除は長女が週1回手伝っている。', wishes: '本人：できる家事は自分で続けたい。', issues: '重い物の買い物が難しい。' },
  social: { situation: '以前は老人クラブに参加していたが、最近は外出が減っている。', wishes: '本人：友人と話す機会がほしい。', issues: '閉じこもりがちで、会話の機会が少ない。' },
  health: { situation: '高血圧で内科に通院中。服薬は自己管理できている。', wishes: '家族：定期的に受診を続けてほしい。', issues: '血圧の管理と水分補給が必要。' },
} as const;

/** [name, kana, service type code] */
export const providerNames: ReadonlyArray<readonly [string, string, string]> = [
  ['ひかり野デイサービスセンターあおば', 'ヒカリノデイサービスセンターアオバ', 'A5'],
  ['みどりの里通所介護', 'ミドリノサトツウショカイゴ', '15'],
  ['さくら台ホームヘルプステーション', 'サクラダイホームヘルプステーション', '11'],
  ['駅前リハビリデイ', 'エキマエリハビリデイ', 'A5'],
  ['南台訪問介護事業所', 'ミナミダイホウモンカイゴジギョウショ', 'A1'],
  ['北山デイサービスはなみずき', 'キタヤマデイサービスハナミズキ', '15'],
  ['浜田介護センター', 'ハマダカイゴセンター', '11'],
  ['いずみ通所リハビリテーション', 'イズミツウショリハビリテーション', '16'],
  ['ひかり野配食サービス', 'ヒカリノハイショクサービス', 'A3'],
  ['汐見町生活支援センター', 'シオミチョウセイカツシエンセンター', 'A2'],
  ['若葉ケアプランセンター', 'ワカバケアプランセンター', '43'],
  ['本町居宅介護支援事業所', 'ホンチョウキョタクカイゴシエンジギョウショ', '43'],
];

/** [name, kana, departments] */
export const medicalInstitutionNames: ReadonlyArray<readonly [string, string, string]> = [
  ['ひかり野中央病院', 'ヒカリノチュウオウビョウイン', '内科、外科、整形外科、神経内科'],
  ['さくら台内科クリニック', 'サクラダイナイカクリニック', '内科、循環器内科'],
  ['駅前整形外科', 'エキマエセイケイゲカ', '整形外科、リハビリテーション科'],
  ['南町ファミリークリニック', 'ミナミマチファミリークリニック', '内科、小児科'],
  ['北山眼科医院', 'キタヤマガンカイイン', '眼科'],
  ['浜田脳神経クリニック', 'ハマダノウシンケイクリニック', '脳神経内科、もの忘れ外来'],
  ['緑ヶ丘診療所', 'ミドリガオカシンリョウジョ', '内科'],
  ['いずみ歯科医院', 'イズミシカイイン', '歯科'],
];
