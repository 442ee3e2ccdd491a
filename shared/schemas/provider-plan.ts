import type { FromSchema } from 'json-schema-to-ts';
import { changeStamp, idProperty, isoDate, legacySource, longText, personOwned, providerNumber, shortText } from './common';

/** サービス事業者計画: a provider's plan for a person, with its programs embedded. */
export const providerPlanSchema = {
  title: 'providerPlan',
  description: 'サービス事業者計画情報 with its プログラム',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idProperty,
    ...personOwned,
    planNumber: { type: 'string', maxLength: 20 },
    providerNumber,
    createdOn: isoDate,
    periodFrom: isoDate,
    periodTo: isoDate,
    /** The center's plan this one serves (id of a carePlan document), when known. */
    carePlanId: idProperty,
    staffName: shortText, // 担当者
    programs: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          programNumber: { type: 'string', maxLength: 20 },
          name: shortText,
          goal: longText,
          content: longText,
          frequency: shortText,
          startOn: isoDate,
          endOn: isoDate,
        },
        required: ['programNumber', 'name'],
      },
    },
    legacy: legacySource,
    ...changeStamp,
  },
  required: ['id', 'personId', 'centerId', 'planNumber', 'providerNumber', 'programs', 'updatedAt'],
  indexes: ['personId'],
  encrypted: ['staffName', 'programs'],
} as const;

export type ProviderPlan = FromSchema<typeof providerPlanSchema>;
