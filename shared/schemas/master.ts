import type { FromSchema } from 'json-schema-to-ts';
import { changeStamp, code, idProperty, isoDate, legacySource, phone, postalCode, shortText } from './common';

export const masterKinds = ['serviceProvider', 'medicalInstitution', 'address', 'district', 'center', 'livingArea'] as const;
export type MasterKind = (typeof masterKinds)[number];

/**
 * The code masters share one collection keyed by kind (id `<kind>:<code>`), with one
 * sub-object per kind for what only that kind has. Masters hold no personal data and are
 * readable by every case-work user.
 */
export const masterSchema = {
  title: 'master',
  description: 'code masters: service providers, medical institutions, addresses (町丁目), districts, centers, living areas',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idProperty,
    // Indexed: RxDB needs a maxLength on every indexed string to build its index keys.
    kind: { type: 'string', enum: masterKinds, maxLength: 40 },
    code,
    name: { type: 'string', minLength: 1, maxLength: 200 },
    nameKana: shortText,
    serviceProvider: {
      type: 'object',
      additionalProperties: false,
      properties: {
        serviceTypeCode: { type: 'string', maxLength: 2, pattern: '^[0-9A-Z]{2}$' },
        postalCode,
        address: shortText,
        phone,
        fax: phone,
        designatedFrom: isoDate,
        designatedTo: isoDate,
        abolished: { type: 'boolean' },
      },
      required: ['abolished'],
    },
    medicalInstitution: {
      type: 'object',
      additionalProperties: false,
      properties: { postalCode, address: shortText, phone, departments: shortText },
    },
    address: {
      type: 'object',
      additionalProperties: false,
      properties: {
        chome: { type: 'string', maxLength: 20 }, // 丁目
        postalCode,
        districtCode: code,
        livingAreaCode: code,
      },
      required: ['districtCode', 'livingAreaCode'],
    },
    district: {
      type: 'object',
      additionalProperties: false,
      properties: { welfareCommissioner: shortText }, // 民生委員
    },
    center: {
      type: 'object',
      additionalProperties: false,
      properties: {
        address: shortText,
        phone,
        livingAreaCodes: { type: 'array', maxItems: 50, items: code },
      },
      required: ['livingAreaCodes'],
    },
    livingArea: {
      type: 'object',
      additionalProperties: false,
      properties: { centerCode: code },
      required: ['centerCode'],
    },
    legacy: legacySource,
    ...changeStamp,
  },
  required: ['id', 'kind', 'code', 'name', 'updatedAt'],
  indexes: ['kind'],
} as const;

export type Master = FromSchema<typeof masterSchema>;

export const masterId = (kind: MasterKind, masterCode: string): string => `${kind}:${masterCode}`;
