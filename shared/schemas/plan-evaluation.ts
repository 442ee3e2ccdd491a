import type { FromSchema } from 'json-schema-to-ts';
import { changeStamp, idProperty, isoDate, longText, personOwned, shortText } from './common';

export const achievements = ['achieved', 'partlyAchieved', 'notAchieved'] as const; // 達成 / 一部達成 / 未達成
export const evaluationDecisions = ['continue', 'change', 'end'] as const; // 継続 / 変更 / 終了

/** 介護予防支援・サービス評価表: one evaluation of one plan version, goal by goal. */
export const planEvaluationSchema = {
  title: 'planEvaluation',
  description: '介護予防支援・サービス評価表',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idProperty,
    ...personOwned,
    planId: idProperty,
    evaluatedOn: isoDate,
    evaluator: shortText,
    goalEvaluations: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          goalId: { type: 'string', maxLength: 40 },
          goal: longText,
          periodFrom: isoDate,
          periodTo: isoDate,
          achievement: { type: 'string', enum: achievements },
          personReason: longText, // 目標達成しない原因（本人・家族の意見）
          plannerReason: longText, // 目標達成しない原因（計画作成者の評価）
          futurePolicy: longText, // 今後の方針
        },
        required: ['goal'],
      },
    },
    overallDecision: { type: 'string', enum: evaluationDecisions },
    notes: longText,
    ...changeStamp,
  },
  required: ['id', 'personId', 'centerId', 'planId', 'evaluatedOn', 'goalEvaluations', 'updatedAt'],
  indexes: ['personId', 'planId'],
  encrypted: ['evaluator', 'goalEvaluations', 'notes'],
} as const;

export type PlanEvaluation = FromSchema<typeof planEvaluationSchema>;
