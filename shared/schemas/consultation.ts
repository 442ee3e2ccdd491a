import type { FromSchema } from 'json-schema-to-ts';
import { changeStamp, code, idProperty, isoDate, isoDateTime, legacySource, longText, personOwned, shortText, timeOfDay } from './common';

export const consultationMethods = ['inPerson', 'phone', 'homeVisit', 'other'] as const; // 来所/電話/訪問/その他
export const consulterKinds = ['self', 'family', 'agency', 'other'] as const; // 本人/家族/関係機関/その他
export const businessCategories = ['general', 'advocacy', 'preventionCareManagement', 'continuingCareManagement'] as const;
export const abuseTypes = ['physical', 'neglect', 'psychological', 'sexual', 'financial'] as const; // 身体的/介護等放棄/心理的/性的/経済的

/** The fields a correction may change; their previous values are kept in `corrections`. */
const consultationContent = {
  date: isoDate,
  startTime: timeOfDay,
  endTime: timeOfDay,
  method: { type: 'string', enum: consultationMethods },
  consulterKind: { type: 'string', enum: consulterKinds },
  consulterName: shortText,
  businessCategory: { type: 'string', enum: businessCategories },
  categoryCode: code, // 相談分類コード
  content: longText, // 相談内容: what was said
  response: longText, // 対応内容: what was done
  handledBy: shortText,
  status: { type: 'string', enum: ['continuing', 'closed'] },
  afterHours: { type: 'boolean' },
  dementiaRelated: { type: 'boolean' },
  suspectedAbuse: { type: 'boolean' },
  abuseTypes: { type: 'array', maxItems: 5, uniqueItems: true, items: { type: 'string', enum: abuseTypes } },
} as const;

/** The content fields by name, in form order: what a correction may change. */
export const consultationContentFields = [
  'date',
  'startTime',
  'endTime',
  'method',
  'consulterKind',
  'consulterName',
  'businessCategory',
  'categoryCode',
  'content',
  'response',
  'handledBy',
  'status',
  'afterHours',
  'dementiaRelated',
  'suspectedAbuse',
  'abuseTypes',
] as const satisfies readonly (keyof typeof consultationContent)[];

export const consultationSchema = {
  title: 'consultation',
  description: '相談記録: one consultation with or about a person',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idProperty,
    ...personOwned,
    consultationNumber: { type: 'string', maxLength: 20 }, // legacy 相談番号
    ...consultationContent,
    /**
     * Records are never hard-deleted by staff, and a correction keeps what it replaced:
     * each entry holds the previous values of the content fields it changed.
     */
    corrections: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          correctedAt: isoDateTime,
          correctedBy: { type: 'string', maxLength: 40 },
          reason: shortText,
          /** Every content field the correction changed, including ones it added (absent from `previous`). */
          changed: { type: 'array', maxItems: 20, uniqueItems: true, items: { type: 'string', enum: consultationContentFields } },
          previous: { type: 'object', additionalProperties: false, properties: consultationContent },
        },
        required: ['correctedAt', 'correctedBy', 'previous'],
      },
    },
    legacy: legacySource,
    ...changeStamp,
  },
  required: [
    'id',
    'personId',
    'centerId',
    'date',
    'method',
    'consulterKind',
    'businessCategory',
    'status',
    'afterHours',
    'dementiaRelated',
    'suspectedAbuse',
    'abuseTypes',
    'updatedAt',
  ],
  indexes: ['personId', 'date', ['centerId', 'date']],
  encrypted: ['consulterName', 'content', 'response', 'handledBy', 'corrections'],
} as const;

export type Consultation = FromSchema<typeof consultationSchema>;
