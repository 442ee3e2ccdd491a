import type { FromSchema } from 'json-schema-to-ts';
import { changeStamp, idProperty, isoDate, legacySource, longText, personOwned, shortText } from './common';

export const livingArrangements = ['alone', 'aloneDaytime', 'withOthers'] as const; // 独居 / 日中独居 / 同居
export const watchLevels = ['A', 'B', 'C'] as const;

/** 生活支援度調査 */
export const lifeSupportSurveySchema = {
  title: 'lifeSupportSurvey',
  description: '生活支援度調査',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idProperty,
    ...personOwned,
    surveyedOn: isoDate,
    surveyor: shortText,
    livingArrangement: { type: 'string', enum: livingArrangements },
    housingType: shortText, // 住居形態
    hasEmergencyContact: { type: 'boolean' },
    watchLevel: { type: 'string', enum: watchLevels },
    remarks: longText,
    legacy: legacySource,
    ...changeStamp,
  },
  required: ['id', 'personId', 'centerId', 'surveyedOn', 'updatedAt'],
  indexes: ['personId'],
  encrypted: ['surveyor', 'housingType', 'remarks'],
} as const;

export type LifeSupportSurvey = FromSchema<typeof lifeSupportSurveySchema>;
