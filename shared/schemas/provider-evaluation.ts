import type { FromSchema } from 'json-schema-to-ts';
import { changeStamp, idProperty, isoDate, legacySource, longText, personOwned, shortText } from './common';

const areaScore = { type: 'integer', minimum: 1, maximum: 5 } as const;

/**
 * サービス事業者評価: the four legacy files (事業者/包括 × 事前/事後) are one kind told
 * apart by who evaluated and when.
 */
export const providerEvaluationSchema = {
  title: 'providerEvaluation',
  description: 'サービス事業者評価 (事業者・包括 / 事前・事後)',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idProperty,
    ...personOwned,
    evaluationNumber: { type: 'string', maxLength: 20 },
    providerPlanId: idProperty,
    evaluatedBy: { type: 'string', enum: ['provider', 'center'] },
    phase: { type: 'string', enum: ['pre', 'post'] },
    evaluatedOn: isoDate,
    evaluator: shortText,
    scores: {
      type: 'object',
      additionalProperties: false,
      properties: { motor: areaScore, dailyLife: areaScore, social: areaScore, health: areaScore },
    },
    findings: longText, // 所見
    legacy: legacySource,
    ...changeStamp,
  },
  required: ['id', 'personId', 'centerId', 'providerPlanId', 'evaluatedBy', 'phase', 'evaluatedOn', 'updatedAt'],
  indexes: ['personId'],
  encrypted: ['evaluator', 'scores', 'findings'],
} as const;

export type ProviderEvaluation = FromSchema<typeof providerEvaluationSchema>;
