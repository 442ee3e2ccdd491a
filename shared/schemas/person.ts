import type { FromSchema } from 'json-schema-to-ts';
import {
  careLevelCode,
  centerIdProperty,
  changeStamp,
  code,
  idProperty,
  insuredNumber,
  insurerNumber,
  isoDate,
  legacySource,
  medicalInstitutionCode,
  phone,
  postalCode,
  providerNumber,
  residentCode,
  shortText,
  longText,
} from './common';

// The person aggregate (基本個人情報 and what hangs off it one-to-one or as short lists):
// household membership, related persons, insured status, insurance eligibility and its
// history, attending physicians and the elder ledger. Embedding keeps us far below
// RxDB's 16-collection limit and lets one pull bring a whole ledger to a tablet.
// Lists that staff add to independently over time (surveys, consultations…) are
// collections of their own so that two offline edits do not collide on one array.

const household = {
  type: 'object',
  additionalProperties: false,
  properties: {
    householdNumber: { type: 'string', maxLength: 20 },
    relationship: shortText, // 続柄
    headName: shortText, // 世帯主氏名
    changedOn: isoDate, // 異動日
    changeReason: shortText, // 異動事由
  },
  required: ['householdNumber'],
} as const;

const relatedPerson = {
  type: 'object',
  additionalProperties: false,
  properties: {
    seq: { type: 'integer', minimum: 1, maximum: 9999 }, // 連番
    name: shortText,
    nameKana: shortText,
    relationship: shortText,
    phone,
    address: shortText,
    isEmergencyContact: { type: 'boolean' },
    isKeyPerson: { type: 'boolean' },
  },
  required: ['seq', 'name', 'isEmergencyContact', 'isKeyPerson'],
} as const;

const insured = {
  type: 'object',
  additionalProperties: false,
  properties: {
    insuredNumber,
    category: { type: 'string', enum: ['first', 'second'] }, // 第1号 / 第2号被保険者
    acquiredOn: isoDate,
    lostOn: isoDate,
    specialAddressRule: { type: 'boolean' }, // 住所地特例
  },
  required: ['insuredNumber', 'category', 'specialAddressRule'],
} as const;

const insuranceEligibility = {
  type: 'object',
  additionalProperties: false,
  properties: {
    insuredNumber,
    insurerNumber,
    acquiredOn: isoDate, // 資格取得日
    lostOn: isoDate, // 資格喪失日
    careLevel: careLevelCode,
    certifiedOn: isoDate, // 認定年月日
    validFrom: isoDate,
    /** Absent means open-ended (legacy 9999999). */
    validTo: isoDate,
    benefitLimit: { type: 'integer', minimum: 0, maximum: 10_000_000 }, // 支給限度額 (単位)
    careManagementProvider: providerNumber, // 居宅介護支援事業者番号
  },
  required: ['insuredNumber', 'careLevel'],
} as const;

const insuranceHistoryEntry = {
  type: 'object',
  additionalProperties: false,
  properties: {
    historyNumber: { type: 'integer', minimum: 0, maximum: 99999 },
    insuredNumber,
    careLevel: careLevelCode,
    certifiedOn: isoDate,
    validFrom: isoDate,
    validTo: isoDate,
    changeReason: shortText, // 異動事由
  },
  required: ['historyNumber', 'careLevel'],
} as const;

const attendingPhysician = {
  type: 'object',
  additionalProperties: false,
  properties: {
    medicalInstitutionCode,
    physicianName: shortText,
    department: shortText,
    startedOn: isoDate,
    endedOn: isoDate,
    isPrimary: { type: 'boolean' }, // 主治医フラグ
  },
  required: ['medicalInstitutionCode', 'isPrimary'],
} as const;

export const dementiaIndependenceLevels = ['自立', 'Ⅰ', 'Ⅱa', 'Ⅱb', 'Ⅲa', 'Ⅲb', 'Ⅳ', 'M'] as const;
export const disabilityIndependenceLevels = ['自立', 'J1', 'J2', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

const elderLedger = {
  type: 'object',
  additionalProperties: false,
  properties: {
    registeredOn: isoDate,
    staffName: shortText, // 担当者
    livingAlone: { type: 'boolean' },
    elderlyHousehold: { type: 'boolean' },
    dementiaIndependence: { type: 'string', enum: dementiaIndependenceLevels },
    disabilityIndependence: { type: 'string', enum: disabilityIndependenceLevels },
    watchOver: { type: 'boolean' }, // 見守り対象
    remarks: longText,
  },
  required: ['livingAlone', 'elderlyHousehold', 'watchOver'],
} as const;

export const personSchema = {
  title: 'person',
  description: '基本個人情報 with its household, related persons, insurance, physicians and elder ledger',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idProperty,
    residentCode,
    /** The responsible center; changing it moves every document of the person. */
    centerId: centerIdProperty,
    name: { type: 'string', minLength: 1, maxLength: 100 },
    nameKana: { type: 'string', minLength: 1, maxLength: 100 },
    /** normalizeKana(nameKana): the search key, derived, stored so the server can index it. */
    nameKanaKey: { type: 'string', maxLength: 100 },
    sex: { type: 'string', enum: ['male', 'female'] },
    birthDate: isoDate,
    postalCode,
    address: { type: 'string', maxLength: 200 },
    addressExtra: { type: 'string', maxLength: 200 }, // 方書
    phone,
    townCode: code, // 町丁目コード → address master → district, living area
    residentStatus: { type: 'string', enum: ['resident', 'movedOut', 'deceased'] }, // 住民区分
    statusChangedOn: isoDate, // 異動日
    household,
    relatedPersons: { type: 'array', maxItems: 50, items: relatedPerson },
    insured,
    insuranceEligibility,
    insuranceHistory: { type: 'array', maxItems: 200, items: insuranceHistoryEntry },
    attendingPhysicians: { type: 'array', maxItems: 50, items: attendingPhysician },
    elderLedger,
    legacy: legacySource,
    ...changeStamp,
  },
  required: ['id', 'residentCode', 'centerId', 'name', 'nameKana', 'nameKanaKey', 'sex', 'birthDate', 'residentStatus', 'updatedAt'],
  indexes: ['residentCode', 'centerId'],
  encrypted: [
    'name',
    'nameKana',
    'nameKanaKey',
    'birthDate',
    'postalCode',
    'address',
    'addressExtra',
    'phone',
    'household',
    'relatedPersons',
    'insured',
    'insuranceEligibility',
    'insuranceHistory',
    'attendingPhysicians',
    'elderLedger',
  ],
} as const;

export type Person = FromSchema<typeof personSchema>;
export type RelatedPerson = FromSchema<typeof relatedPerson>;
export type InsuranceEligibility = FromSchema<typeof insuranceEligibility>;
export type InsuranceHistoryEntry = FromSchema<typeof insuranceHistoryEntry>;
export type AttendingPhysician = FromSchema<typeof attendingPhysician>;
export type ElderLedger = FromSchema<typeof elderLedger>;
export type Household = FromSchema<typeof household>;
export type Insured = FromSchema<typeof insured>;
