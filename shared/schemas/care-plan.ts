import type { FromSchema } from 'json-schema-to-ts';
import { careLevelCode, changeStamp, idProperty, isoDate, legacySource, longText, personOwned, providerNumber, shortText } from './common';

export const planTypes = ['preventionPlan', 'communityProgramPlan'] as const; // 予防給付計画 / 総合事業計画
export const planCategories = ['first', 'referral', 'continuation'] as const; // 初回/紹介/継続

const assessmentArea = {
  type: 'object',
  additionalProperties: false,
  properties: {
    situation: longText, // 現在の状況
    wishes: longText, // 本人・家族の意欲・意向
    issues: longText, // 領域における課題
  },
} as const;

export const assessmentAreas = ['motor', 'dailyLife', 'social', 'health'] as const;

const checklistDomainCount = {
  type: 'object',
  additionalProperties: false,
  properties: { scored: { type: 'integer', minimum: 0, maximum: 25 }, of: { type: 'integer', minimum: 1, maximum: 25 } },
  required: ['scored', 'of'],
} as const;

/**
 * 介護予防サービス・支援計画書 (for 要支援) and the 総合事業 plan (for 事業対象者): one form,
 * one schema, told apart by planType. A new version of a plan is a new document that
 * starts from the previous one (previousVersionId), so a printed plan never changes.
 */
export const carePlanSchema = {
  title: 'carePlan',
  description: '介護予防サービス・支援計画書 / 総合事業計画: one version of a care plan',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idProperty,
    ...personOwned,
    planType: { type: 'string', enum: planTypes },
    planNumber: { type: 'string', maxLength: 20 }, // legacy 計画番号
    planVersion: { type: 'integer', minimum: 1, maximum: 999 },
    previousVersionId: idProperty,
    createdOn: isoDate, // 作成日
    firstCreatedOn: isoDate, // 初回作成日
    planCategory: { type: 'string', enum: planCategories },
    entrusted: { type: 'boolean' }, // 委託区分
    entrustedProvider: providerNumber, // 委託先事業者番号
    careLevel: careLevelCode,
    certifiedOn: isoDate,
    validFrom: isoDate,
    validTo: isoDate,
    planner: shortText, // 計画作成者
    goalDay: longText, // 目標とする生活 1日
    goalYear: longText, // 目標とする生活 1年
    assessment: {
      type: 'object',
      additionalProperties: false,
      properties: { motor: assessmentArea, dailyLife: assessmentArea, social: assessmentArea, health: assessmentArea },
    },
    overallIssues: longText, // 総合的課題
    /** 目標と具体策: each goal is evaluated on its own in the 評価表. */
    goals: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: { goalId: { type: 'string', maxLength: 40 }, goal: longText, measures: longText },
        required: ['goalId', 'goal'],
      },
    },
    /** The legacy export carries 目標と具体策 as one text; kept as it came. */
    goalsText: longText,
    selfCare: longText, // 本人等のセルフケアの取組み / インフォーマルサービス
    servicesText: longText, // 介護保険サービス又は地域支援事業
    supportRows: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          supportPoints: longText, // 目標についての支援のポイント
          selfCareInformal: longText, // 本人等のセルフケアや家族の支援、インフォーマルサービス
          services: longText, // 介護保険サービス又は地域支援事業
          serviceType: shortText, // サービス種別
          provider: shortText, // 事業所
          periodFrom: isoDate,
          periodTo: isoDate,
        },
      },
    },
    healthNotes: longText, // 健康状態について（主治医意見書等を踏まえた留意点）
    overallPolicy: longText, // 総合的な方針
    /** Copied from the person's latest checklist when the plan was written. */
    checklist: {
      type: 'object',
      additionalProperties: false,
      properties: {
        checklistId: idProperty,
        conductedOn: isoDate,
        motor: checklistDomainCount,
        nutrition: checklistDomainCount,
        oral: checklistDomainCount,
        housebound: checklistDomainCount,
        cognitive: checklistDomainCount,
        depression: checklistDomainCount,
      },
    },
    consentOn: isoDate, // 同意日
    consentBy: shortText, // 同意者
    evaluationDueOn: isoDate, // 評価予定日
    legacy: legacySource,
    ...changeStamp,
  },
  required: ['id', 'personId', 'centerId', 'planType', 'planVersion', 'createdOn', 'planCategory', 'updatedAt'],
  indexes: ['personId', 'createdOn'],
  encrypted: [
    'planner',
    'goalDay',
    'goalYear',
    'assessment',
    'overallIssues',
    'goals',
    'goalsText',
    'selfCare',
    'servicesText',
    'supportRows',
    'healthNotes',
    'overallPolicy',
    'consentBy',
  ],
} as const;

export type CarePlan = FromSchema<typeof carePlanSchema>;
export type PlanType = (typeof planTypes)[number];
