// Invented demo data for the city's five centers and City Hall: masters, persons with
// their ledgers, and the case records staff keep (consultations, checklists, plans,
// evaluations, surveys, provider plans). Pure and seeded: the same options give the same
// documents on every start, in every time zone, on every platform.
import type {
  BasicChecklist,
  CarePlan,
  Consultation,
  LifeSupportSurvey,
  Master,
  Person,
  PlanEvaluation,
  ProviderEvaluation,
  ProviderPlan,
} from '../schemas/index';
import { masterId } from '../schemas/master';
import { centers, cityHall, districts, insurerNumberOfCity, livingAreas, towns, type TownInfo } from '../city/index';
import { normalizeKana } from '../kana/index';
import { scoreBasicChecklist } from '../basic-checklist/index';
import { addDays, addMonths, stampOf } from './dates';
import { femaleGivenNames, maleGivenNames, staffNames, surnames } from './names';
import { createRandom, type Random } from './random';
import {
  assessmentTexts,
  consultationTopics,
  goalTemplates,
  medicalInstitutionNames,
  providerNames,
  supportRowTemplates,
} from './texts';

export interface DemoOptions {
  seed?: number;
  /** How many persons; default 3,000. */
  persons?: number;
  /** The "today" of the data set; default 2026-10-01. Nothing reads the clock. */
  referenceDate?: string;
  /** Restrict persons to these centers (e.g. one center's share for a benchmark). */
  centerIds?: readonly string[];
  /** Average consultations per person; default 4. */
  consultationsPerPerson?: number;
  /** Persons only, with no case records (search benchmarks). */
  personsOnly?: boolean;
  /** Share of persons without a certification who still have case records; default 0.35. */
  activeShare?: number;
  /** First resident code; default 1000000001. */
  firstResidentCode?: number;
}

export interface DemoData {
  masters: Master[];
  persons: Person[];
  consultations: Consultation[];
  basicChecklists: BasicChecklist[];
  carePlans: CarePlan[];
  planEvaluations: PlanEvaluation[];
  lifeSupportSurveys: LifeSupportSurvey[];
  providerPlans: ProviderPlan[];
  providerEvaluations: ProviderEvaluation[];
}

export const demoDefaults = { seed: 20261001, persons: 3000, referenceDate: '2026-10-01', consultationsPerPerson: 4 } as const;

const DEMO_USER = 'demo-loader';

export function generateDemoData(options: DemoOptions = {}): DemoData {
  const seed = options.seed ?? demoDefaults.seed;
  const count = options.persons ?? demoDefaults.persons;
  const today = options.referenceDate ?? demoDefaults.referenceDate;
  const random = createRandom(seed);
  const masters = generateMasters(random.fork('masters'), today);
  const providers = masters.filter((m) => m.kind === 'serviceProvider');
  const institutions = masters.filter((m) => m.kind === 'medicalInstitution');
  const data: DemoData = {
    masters,
    persons: [],
    consultations: [],
    basicChecklists: [],
    carePlans: [],
    planEvaluations: [],
    lifeSupportSurveys: [],
    providerPlans: [],
    providerEvaluations: [],
  };
  const townsInScope = options.centerIds ? towns.filter((t) => options.centerIds?.includes(centerOfTown(t))) : towns;
  if (townsInScope.length === 0) throw new RangeError(`no towns for centers ${String(options.centerIds)}`);
  const firstCode = options.firstResidentCode ?? 1_000_000_001;
  const personRandom = random.fork('persons');
  const recordRandom = random.fork('records');
  for (let i = 0; i < count; i++) {
    const person = generatePerson(personRandom, firstCode + i, townsInScope, institutions, today, options.centerIds);
    const previous = data.persons[data.persons.length - 1];
    // Every eighth person is the spouse of the one before, when that fits: elderly couples
    // are often two cases at once, and the ledger links them through the household.
    if (i % 8 === 7 && previous && canMarry(previous, person)) joinHousehold(previous, person);
    data.persons.push(person);
    if (!options.personsOnly) {
      generateRecords(recordRandom, person, providers, today, options.consultationsPerPerson ?? demoDefaults.consultationsPerPerson, options.activeShare ?? 0.35, data);
    }
  }
  return data;
}

const familyPart = (name: string): string => name.split('\u3000')[0] ?? name;
const withFamily = (family: string, name: string): string => [family, ...name.split('\u3000').slice(1)].join('\u3000');

function canMarry(head: Person, spouse: Person): boolean {
  return head.sex !== spouse.sex && !head.elderLedger?.livingAlone && !spouse.elderLedger?.livingAlone && head.residentStatus === 'resident' && spouse.residentStatus === 'resident';
}

/** The spouse takes the head's family name, address and household (deterministic: no random draws, so the rest of the data stays as it was). */
function joinHousehold(head: Person, spouse: Person): void {
  const family = familyPart(head.name);
  const familyKana = familyPart(head.nameKana);
  const oldFamily = familyPart(spouse.name);
  const oldFamilyKana = familyPart(spouse.nameKana);
  spouse.name = withFamily(family, spouse.name);
  spouse.nameKana = withFamily(familyKana, spouse.nameKana);
  spouse.nameKanaKey = normalizeKana(spouse.nameKana);
  for (const related of spouse.relatedPersons ?? []) {
    if (familyPart(related.name) === oldFamily) related.name = withFamily(family, related.name);
    if (related.nameKana && familyPart(related.nameKana) === oldFamilyKana) related.nameKana = withFamily(familyKana, related.nameKana);
  }
  spouse.centerId = head.centerId;
  spouse.townCode = head.townCode;
  spouse.address = head.address;
  if (head.postalCode) spouse.postalCode = head.postalCode;
  if (head.phone) spouse.phone = head.phone;
  head.household = { householdNumber: head.household?.householdNumber ?? `H${head.residentCode.slice(-8)}`, relationship: '世帯主', headName: head.name };
  spouse.household = { householdNumber: head.household.householdNumber, relationship: spouse.sex === 'female' ? '妻' : '夫', headName: head.name };
  for (const ledger of [head.elderLedger, spouse.elderLedger]) if (ledger) ledger.elderlyHousehold = true;
}

function centerOfTown(town: TownInfo): string {
  const district = districts.find((d) => d.code === town.district);
  const area = livingAreas.find((a) => a.code === district?.livingArea);
  if (!area) throw new Error(`town ${town.code} has no living area`);
  return area.centerId;
}

function stamped(date: string) {
  const at = stampOf(date);
  return { createdAt: at, createdBy: DEMO_USER, updatedAt: at, updatedBy: DEMO_USER };
}

function generateMasters(random: Random, today: string): Master[] {
  const stamp = stamped(today);
  const masters: Master[] = [];
  for (const center of centers) {
    masters.push({
      id: masterId('center', center.id),
      kind: 'center',
      code: center.id,
      name: center.fullName,
      center: { address: `ひかり野市${center.name}町1丁目1-1`, phone: `0999-10-${center.id}00`, livingAreaCodes: [...center.livingAreas] },
      ...stamp,
    });
  }
  for (const area of livingAreas) {
    masters.push({ id: masterId('livingArea', area.code), kind: 'livingArea', code: area.code, name: area.name, livingArea: { centerCode: area.centerId }, ...stamp });
  }
  for (const district of districts) {
    const commissioner = `${random.pick(surnames).kanji} ${random.pick([...maleGivenNames, ...femaleGivenNames]).kanji}`;
    masters.push({ id: masterId('district', district.code), kind: 'district', code: district.code, name: district.name, district: { welfareCommissioner: commissioner }, ...stamp });
  }
  for (const town of towns) {
    for (let chome = 1; chome <= town.chome; chome++) {
      const code = `${town.code}${String(chome).padStart(2, '0')}`;
      const district = districts.find((d) => d.code === town.district);
      masters.push({
        id: masterId('address', code),
        kind: 'address',
        code,
        name: town.name,
        nameKana: town.kana,
        address: { chome: `${chome}丁目`, postalCode: town.postalCode, districtCode: town.district, livingAreaCode: district?.livingArea ?? '' },
        ...stamp,
      });
    }
  }
  providerNames.forEach(([name, kana, serviceTypeCode], i) => {
    const code = `139${String(900001 + i).padStart(7, '0')}`;
    const town = towns[i % towns.length] as TownInfo;
    masters.push({
      id: masterId('serviceProvider', code),
      kind: 'serviceProvider',
      code,
      name,
      nameKana: kana,
      serviceProvider: {
        serviceTypeCode,
        postalCode: town.postalCode,
        address: `ひかり野市${town.name}${1 + (i % town.chome)}丁目${1 + (i % 9)}-${2 + (i % 7)}`,
        phone: `0999-2${String(i).padStart(1, '0')}-${String(1000 + i * 37).slice(-4)}`,
        designatedFrom: addMonths(today, -12 * (3 + (i % 10))),
        abolished: i % 17 === 16,
      },
      ...stamp,
    });
  });
  medicalInstitutionNames.forEach(([name, kana, departments], i) => {
    const code = `139${String(800001 + i).padStart(7, '0')}`;
    const town = towns[(i * 5) % towns.length] as TownInfo;
    masters.push({
      id: masterId('medicalInstitution', code),
      kind: 'medicalInstitution',
      code,
      name,
      nameKana: kana,
      medicalInstitution: { postalCode: town.postalCode, address: `ひかり野市${town.name}${1 + (i % town.chome)}丁目${3 + (i % 6)}-1`, phone: `0999-3${i % 10}-${String(2000 + i * 53).slice(-4)}`, departments },
      ...stamp,
    });
  });
  return masters;
}

const careLevelWeights = [
  ['none', 80],
  ['06', 4],
  ['12', 4],
  ['13', 4],
  ['21', 3],
  ['22', 2],
  ['23', 1.5],
  ['24', 1],
  ['25', 0.5],
] as const;

function residentCodeOf(n: number): string {
  return String(n).padStart(10, '0');
}

export function personIdOf(residentCode: string): string {
  return `person-${residentCode}`;
}

function generatePerson(
  random: Random,
  codeNumber: number,
  townsInScope: readonly TownInfo[],
  institutions: readonly Master[],
  today: string,
  centerIds: readonly string[] | undefined,
): Person {
  const residentCode = residentCodeOf(codeNumber);
  const sex = random.chance(0.57) ? 'female' : 'male';
  const family = random.pick(surnames);
  const given = random.pick(sex === 'female' ? femaleGivenNames : maleGivenNames);
  const age = random.weighted([
    [random.int(65, 74), 48],
    [random.int(75, 84), 36],
    [random.int(85, 99), 16],
  ]);
  const birthDate = addDays(addMonths(today, -12 * age), -random.int(0, 364));
  const town = random.pick(townsInScope);
  const chome = random.int(1, town.chome);
  const townCode = `${town.code}${String(chome).padStart(2, '0')}`;
  // A few persons are followed by City Hall itself (e.g. while a transfer is decided).
  const ownCenter = centerOfTown(town);
  const centerId = !centerIds && random.chance(0.01) ? cityHall : ownCenter;
  const nameKana = `${family.kana}\u3000${given.kana}`;
  const livingAlone = random.chance(0.3);
  const level = random.weighted(careLevelWeights);
  const insuredNumber = String(3_000_000_000 + codeNumber * 7).slice(-10);
  const person: Person = {
    id: personIdOf(residentCode),
    residentCode,
    centerId,
    name: `${family.kanji}\u3000${given.kanji}`,
    nameKana,
    nameKanaKey: normalizeKana(nameKana),
    sex,
    birthDate,
    postalCode: town.postalCode,
    address: `ひかり野市${town.name}${chome}丁目${random.int(1, 30)}-${random.int(1, 20)}`,
    phone: `0999-${random.int(40, 89)}-${String(random.int(0, 9999)).padStart(4, '0')}`,
    townCode,
    residentStatus: random.weighted([
      ['resident', 96],
      ['movedOut', 2],
      ['deceased', 2],
    ]),
    household: {
      householdNumber: `H${String(codeNumber).slice(-8)}`,
      relationship: livingAlone ? '世帯主' : random.pick(['世帯主', '妻', '夫', '母', '父']),
      headName: `${family.kanji}\u3000${livingAlone ? given.kanji : random.pick(maleGivenNames).kanji}`,
    },
    relatedPersons: [],
    insured: { insuredNumber, category: 'first', acquiredOn: addMonths(birthDate, 12 * 65), specialAddressRule: random.chance(0.01) },
    insuranceHistory: [],
    attendingPhysicians: [],
    elderLedger: {
      registeredOn: addDays(today, -random.int(30, 3650)),
      staffName: random.pick(staffNames),
      livingAlone,
      elderlyHousehold: !livingAlone && random.chance(0.5),
      watchOver: livingAlone && random.chance(0.6),
      ...(level !== 'none' && { dementiaIndependence: random.pick(['自立', 'Ⅰ', 'Ⅱa', 'Ⅱb', 'Ⅲa'] as const) }),
      ...(level !== 'none' && { disabilityIndependence: random.pick(['自立', 'J1', 'J2', 'A1', 'A2', 'B1'] as const) }),
    },
    ...stamped(addDays(today, -random.int(0, 365))),
  };
  const relatives = random.int(0, 2);
  for (let seq = 1; seq <= relatives; seq++) {
    const relGiven = random.pick(random.chance(0.5) ? femaleGivenNames : maleGivenNames);
    person.relatedPersons?.push({
      seq,
      name: `${family.kanji}\u3000${relGiven.kanji}`,
      nameKana: `${family.kana}\u3000${relGiven.kana}`,
      relationship: random.pick(['長男', '長女', '次男', '次女', '妻', '夫', '甥', '姪']),
      phone: `090-${String(random.int(1000, 9999))}-${String(random.int(0, 9999)).padStart(4, '0')}`,
      isEmergencyContact: seq === 1,
      isKeyPerson: seq === 1 && random.chance(0.7),
    });
  }
  if (level !== 'none') {
    const validFrom = addMonths(today, -random.int(1, 11));
    const certifiedOn = addDays(validFrom, -random.int(7, 30));
    person.insuranceEligibility = {
      insuredNumber,
      insurerNumber: insurerNumberOfCity,
      careLevel: level,
      certifiedOn,
      validFrom,
      validTo: addDays(addMonths(validFrom, 12), -1),
      ...(level !== '06' && { benefitLimit: level === '12' ? 5032 : level === '13' ? 10531 : 16765 + (Number(level) - 21) * 3000 }),
    };
    person.insuranceHistory = [
      { historyNumber: 1, insuredNumber, careLevel: level === '06' ? '01' : level === '12' ? '06' : '12', certifiedOn: addMonths(certifiedOn, -12), validFrom: addMonths(validFrom, -12), validTo: addDays(validFrom, -1), changeReason: '新規' },
      { historyNumber: 2, insuredNumber, careLevel: level, certifiedOn, validFrom, validTo: addDays(addMonths(validFrom, 12), -1), changeReason: '更新' },
    ];
    const physicians = random.int(1, 2);
    for (let k = 0; k < physicians; k++) {
      const institution = random.pick(institutions);
      person.attendingPhysicians?.push({
        medicalInstitutionCode: institution.code,
        physicianName: `${random.pick(surnames).kanji}\u3000${random.pick(maleGivenNames).kanji}`,
        department: random.pick(['内科', '整形外科', '循環器内科', '神経内科', '眼科']),
        startedOn: addMonths(today, -random.int(6, 120)),
        isPrimary: k === 0,
      });
    }
  }
  return person;
}

function careLevelOf(person: Person): string | undefined {
  return person.insuranceEligibility?.careLevel;
}

function checklistAnswers(random: Random, frail: boolean): Array<boolean | null> {
  // Questions where はい is the healthy answer (1–8, 16, 19) versus the rest.
  const healthyYes = new Set([1, 2, 3, 4, 5, 6, 7, 8, 16, 19]);
  const troubleRate = frail ? 0.45 : 0.12;
  return Array.from({ length: 25 }, (_, i) => {
    const no = i + 1;
    if (no === 12) return null;
    const trouble = random.chance(troubleRate);
    return healthyYes.has(no) ? !trouble : trouble;
  });
}

function generateRecords(
  random: Random,
  person: Person,
  providers: readonly Master[],
  today: string,
  consultationsPerPerson: number,
  activeShare: number,
  data: DemoData,
): void {
  const base = { personId: person.id, centerId: person.centerId };
  const level = careLevelOf(person);
  const active = level !== undefined || random.chance(activeShare);
  if (!active) return;
  const code = person.residentCode;

  const consultations = random.int(0, consultationsPerPerson * 2);
  for (let n = 1; n <= consultations; n++) {
    const date = addDays(today, -random.int(0, 730));
    const topic = random.pick(consultationTopics);
    const hour = random.int(9, 17);
    const method = random.pick(['inPerson', 'phone', 'homeVisit', 'phone', 'homeVisit', 'other'] as const);
    const consulterKind = random.pick(['self', 'family', 'family', 'agency', 'other'] as const);
    const abuse = topic.abuse !== undefined;
    data.consultations.push({
      id: `consultation-${code}-${n}`,
      ...base,
      date,
      startTime: `${String(hour).padStart(2, '0')}:${random.pick(['00', '15', '30', '45'])}`,
      endTime: `${String(hour + 1).padStart(2, '0')}:${random.pick(['00', '10', '20', '30'])}`,
      method,
      consulterKind,
      ...(consulterKind !== 'self' && { consulterName: consulterKind === 'agency' ? random.pick(['ひかり野居宅介護支援事業所', '民生委員', 'ひかり野中央病院 地域連携室']) : person.relatedPersons?.[0]?.name ?? '家族' }),
      businessCategory: topic.category,
      categoryCode: topic.code,
      content: topic.content,
      response: topic.response,
      handledBy: random.pick(staffNames),
      status: random.chance(0.7) ? 'closed' : 'continuing',
      afterHours: hour >= 17 || random.chance(0.03),
      dementiaRelated: topic.dementia === true,
      suspectedAbuse: abuse,
      abuseTypes: topic.abuse ? [topic.abuse] : [],
      ...stamped(date),
    });
  }

  const frail = level === '06' || level === '12' || level === '13';
  const checklistCount = frail ? random.int(1, 3) : random.int(0, 1);
  let latest: BasicChecklist | undefined;
  for (let n = 1; n <= checklistCount; n++) {
    const conductedOn = addDays(today, -random.int(0, 1000));
    const checklist: BasicChecklist = {
      id: `checklist-${code}-${n}`,
      ...base,
      conductedOn,
      method: random.pick(['counter', 'visit', 'mail'] as const),
      recordedBy: random.pick(staffNames),
      answers: checklistAnswers(random, frail),
      heightCm: random.int(140, 175),
      weightKg: random.int(frail ? 36 : 42, 75),
      ...stamped(conductedOn),
    };
    data.basicChecklists.push(checklist);
    if (!latest || latest.conductedOn < conductedOn) latest = checklist;
  }

  if (frail) {
    const planType = level === '06' ? 'communityProgramPlan' : 'preventionPlan';
    const versions = random.int(1, 2);
    const firstCreatedOn = addMonths(today, -random.int(7, 30));
    let previous: CarePlan | undefined;
    for (let v = 1; v <= versions; v++) {
      const createdOn = v === 1 ? firstCreatedOn : addMonths(firstCreatedOn, 6 * (v - 1));
      const goalCount = random.int(1, 3);
      const goals = Array.from({ length: goalCount }, (_, k) => {
        const template = random.pick(goalTemplates);
        return { goalId: `g${k + 1}`, goal: template.goal, measures: template.measures };
      });
      const scored = latest && scoreBasicChecklist(latest.answers, latest.heightCm, latest.weightKg);
      const plan: CarePlan = {
        id: `plan-${code}-${v}`,
        ...base,
        planType,
        planVersion: v,
        ...(previous && { previousVersionId: previous.id }),
        createdOn,
        firstCreatedOn,
        planCategory: v === 1 ? random.pick(['first', 'referral'] as const) : 'continuation',
        entrusted: random.chance(0.4),
        ...(level && { careLevel: level as CarePlan['careLevel'] }),
        ...(person.insuranceEligibility?.certifiedOn && { certifiedOn: person.insuranceEligibility.certifiedOn }),
        ...(person.insuranceEligibility?.validFrom && { validFrom: person.insuranceEligibility.validFrom }),
        ...(person.insuranceEligibility?.validTo && { validTo: person.insuranceEligibility.validTo }),
        planner: random.pick(staffNames),
        goalDay: random.pick(['朝は決まった時間に起きて、近所を散歩する。', '昼食は自分で用意し、午後は趣味の園芸を楽しむ。', '夕方にはデイサービスの仲間と話す時間を持つ。']),
        goalYear: random.pick(['家族と一緒に温泉旅行に行けるようになる。', '地域のサロンに毎週通い続ける。', '転ばずに一人で買い物ができる。']),
        assessment: {
          motor: assessmentTexts.motor,
          dailyLife: assessmentTexts.dailyLife,
          social: assessmentTexts.social,
          health: assessmentTexts.health,
        },
        overallIssues: '下肢筋力の低下により外出の機会が減り、閉じこもりがちになっている。',
        goals,
        supportRows: goals.map((_, k) => {
          const row = supportRowTemplates[k % supportRowTemplates.length] as (typeof supportRowTemplates)[number];
          const provider = random.pick(providers);
          return { ...row, provider: provider.name, periodFrom: createdOn, periodTo: addDays(addMonths(createdOn, 6), -1) };
        }),
        healthNotes: '高血圧のため服薬中。転倒に注意し、運動は無理のない範囲で行うこと。',
        overallPolicy: '本人の「自分でできることは続けたい」という意向を尊重し、運動と社会参加を支援する。',
        ...(latest &&
          scored && {
            checklist: {
              checklistId: latest.id,
              conductedOn: latest.conductedOn,
              ...Object.fromEntries(scored.domains.filter((d) => d.domain !== 'lifeFunction').map((d) => [d.domain, { scored: d.scored, of: d.of }])),
            },
          }),
        consentOn: addDays(createdOn, random.int(0, 7)),
        consentBy: person.name,
        evaluationDueOn: addDays(addMonths(createdOn, 6), -1),
        ...stamped(createdOn),
      };
      data.carePlans.push(plan);
      if (previous) {
        const evaluatedOn = addDays(createdOn, -random.int(1, 10));
        data.planEvaluations.push({
          id: `evaluation-${code}-${v - 1}`,
          ...base,
          planId: previous.id,
          evaluatedOn,
          evaluator: previous.planner ?? random.pick(staffNames),
          goalEvaluations: (previous.goals ?? []).map((g) => {
            const achievement = random.pick(['achieved', 'partlyAchieved', 'notAchieved'] as const);
            return {
              goalId: g.goalId,
              goal: g.goal,
              periodFrom: previous?.createdOn ?? createdOn,
              periodTo: evaluatedOn,
              achievement,
              ...(achievement !== 'achieved' && { personReason: '体調を崩した時期があり、運動を続けられなかった。', plannerReason: '天候の悪い日が多く外出の機会が減った。' }),
              futurePolicy: achievement === 'achieved' ? '現在の取組みを継続する。' : '目標を見直し、通所の回数を増やす。',
            };
          }),
          overallDecision: 'change',
          ...stamped(evaluatedOn),
        });
      }
      previous = plan;
    }
    if (previous && random.chance(0.6)) {
      const provider = random.pick(providers);
      const planNumber = `${code.slice(-6)}01`;
      const providerPlanId = `provider-plan-${code}-1`;
      data.providerPlans.push({
        id: providerPlanId,
        ...base,
        planNumber,
        providerNumber: provider.code,
        createdOn: previous.createdOn,
        periodFrom: previous.createdOn,
        periodTo: addDays(addMonths(previous.createdOn, 6), -1),
        carePlanId: previous.id,
        staffName: random.pick(staffNames),
        programs: [
          { programNumber: '1', name: '運動器機能向上プログラム', goal: '椅子から一人で立ち上がれる', content: 'ストレッチと筋力トレーニング', frequency: '週1回', startOn: previous.createdOn },
          { programNumber: '2', name: '口腔機能向上プログラム', goal: 'むせずに食事ができる', content: '口腔体操と嚥下訓練', frequency: '月2回', startOn: previous.createdOn },
        ],
        ...stamped(previous.createdOn),
      });
      for (const phase of ['pre', 'post'] as const) {
        for (const evaluatedBy of ['provider', 'center'] as const) {
          const evaluatedOn = phase === 'pre' ? previous.createdOn : addMonths(previous.createdOn, 3);
          if (evaluatedOn > today) continue;
          data.providerEvaluations.push({
            id: `provider-evaluation-${code}-${evaluatedBy}-${phase}`,
            ...base,
            evaluationNumber: `${planNumber}${evaluatedBy === 'provider' ? 'P' : 'C'}${phase === 'pre' ? '1' : '2'}`,
            providerPlanId,
            evaluatedBy,
            phase,
            evaluatedOn,
            evaluator: random.pick(staffNames),
            scores: { motor: random.int(1, 5), dailyLife: random.int(1, 5), social: random.int(1, 5), health: random.int(1, 5) },
            findings: phase === 'pre' ? '開始時の状態を確認した。' : '歩行が安定し、外出の頻度が増えた。',
            ...stamped(evaluatedOn),
          });
        }
      }
    }
  }

  if (person.elderLedger?.livingAlone || random.chance(0.2)) {
    const surveyedOn = addDays(today, -random.int(0, 700));
    data.lifeSupportSurveys.push({
      id: `survey-${code}-1`,
      ...base,
      surveyedOn,
      surveyor: random.pick(staffNames),
      livingArrangement: person.elderLedger?.livingAlone ? 'alone' : random.pick(['aloneDaytime', 'withOthers'] as const),
      housingType: random.pick(['持ち家（一戸建て）', '持ち家（集合住宅）', '借家', '公営住宅']),
      hasEmergencyContact: (person.relatedPersons?.length ?? 0) > 0,
      watchLevel: random.pick(['A', 'B', 'C'] as const),
      remarks: random.pick(['近所の方が時々様子を見に来ている。', '新聞がたまっていたら連絡するよう配達店に依頼済み。', '']),
      ...stamped(surveyedOn),
    });
  }
}
