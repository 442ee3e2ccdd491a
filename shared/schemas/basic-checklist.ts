import type { FromSchema } from 'json-schema-to-ts';
import { changeStamp, idProperty, isoDate, legacySource, personOwned, shortText } from './common';

export const checklistMethods = ['counter', 'visit', 'mail'] as const; // 窓口/訪問/郵送

/**
 * 基本チェックリスト: the raw answers and height/weight only. Scores and the 事業対象者
 * judgement are always derived (scoreBasicChecklist), never stored without their answers.
 */
export const basicChecklistSchema = {
  title: 'basicChecklist',
  description: '基本チェックリスト: 25 raw answers (true = はい, false = いいえ, null = unanswered), height and weight',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idProperty,
    ...personOwned,
    conductedOn: isoDate, // 実施日
    method: { type: 'string', enum: checklistMethods },
    recordedBy: shortText, // 記入者
    /** Index i is question i+1; item 12 stays null (it comes from height and weight). */
    answers: { type: 'array', minItems: 25, maxItems: 25, items: { type: ['boolean', 'null'] } },
    heightCm: { type: 'number', minimum: 50, maximum: 250 },
    weightKg: { type: 'number', minimum: 10, maximum: 300 },
    legacy: legacySource,
    ...changeStamp,
  },
  required: ['id', 'personId', 'centerId', 'conductedOn', 'method', 'answers', 'updatedAt'],
  indexes: ['personId', 'conductedOn'],
  encrypted: ['recordedBy', 'answers', 'heightCm', 'weightKg'],
} as const;

export type BasicChecklist = FromSchema<typeof basicChecklistSchema>;
