// Invented persons for the browser tests: a generated share of center 01 for the search,
// and one person with every part of the ledger filled in.
import { normalizeKana, type Master, type Person } from '../../shared/index';
import { generateDemoData } from '../../shared/demo/generate';

/** 田中 トミ: every ledger section has something to show. */
export const ledgerPerson: Person = {
  id: 'person-9100000001',
  residentCode: '9100000001',
  centerId: '01',
  name: '架空　トミ',
  nameKana: 'カクウ　トミ',
  nameKanaKey: normalizeKana('カクウ　トミ'),
  sex: 'female',
  birthDate: '1938-05-03',
  postalCode: '999-0101',
  address: 'ひかり野市本町2丁目3-4',
  addressExtra: 'ひかり荘101',
  phone: '0999-11-2233',
  residentStatus: 'resident',
  household: { householdNumber: 'H91000001', relationship: '世帯主', headName: '架空　トミ' },
  relatedPersons: [
    { seq: 1, name: '架空　一夫', nameKana: 'カクウ　カズオ', relationship: '長男', phone: '090-0000-1111', isKeyPerson: true, isEmergencyContact: true },
    { seq: 2, name: '見本　花江', relationship: '長女', phone: '090-0000-2222', isKeyPerson: false, isEmergencyContact: true },
  ],
  insured: { insuredNumber: '0091000001', category: 'first', specialAddressRule: false },
  insuranceEligibility: {
    insuredNumber: '0091000001',
    insurerNumber: '139999',
    careLevel: '13',
    certifiedOn: '2025-03-20',
    validFrom: '2025-04-01',
    validTo: '2027-03-31',
    benefitLimit: 10531,
  },
  insuranceHistory: [
    { historyNumber: 1, careLevel: '12', certifiedOn: '2023-03-15', validFrom: '2023-04-01', validTo: '2025-03-31', changeReason: '新規' },
    { historyNumber: 2, careLevel: '13', certifiedOn: '2025-03-20', validFrom: '2025-04-01', validTo: '2027-03-31', changeReason: '更新' },
  ],
  attendingPhysicians: [{ medicalInstitutionCode: '9999000001', physicianName: '見本　医師', department: '内科', startedOn: '2020-01-10', isPrimary: true }],
  elderLedger: { registeredOn: '2023-04-01', staffName: '保健 太郎', livingAlone: false, elderlyHousehold: true, watchOver: true, dementiaIndependence: 'Ⅰ', remarks: '週2回の見守り訪問あり' },
  updatedAt: '2026-10-01T00:00:00.000Z',
};

/** 架空 トミ's husband, a case of the same center: the two ledgers link through the household. */
export const householdSpouse: Person = {
  id: 'person-9100000002',
  residentCode: '9100000002',
  centerId: '01',
  name: '架空　正男',
  nameKana: 'カクウ　マサオ',
  nameKanaKey: normalizeKana('カクウ　マサオ'),
  sex: 'male',
  birthDate: '1935-11-20',
  address: 'ひかり野市本町2丁目3-4',
  residentStatus: 'resident',
  household: { householdNumber: 'H91000001', relationship: '夫', headName: '架空　トミ' },
  insuranceEligibility: { insuredNumber: '0091000002', insurerNumber: '139999', careLevel: '21', validFrom: '2025-04-01' },
  elderLedger: { registeredOn: '2024-04-01', livingAlone: false, elderlyHousehold: true, watchOver: false },
  updatedAt: '2026-10-01T00:00:00.000Z',
};

export const clinic: Master = {
  id: 'medicalInstitution:9999000001',
  kind: 'medicalInstitution',
  code: '9999000001',
  name: 'ひかり野見本クリニック',
  updatedAt: '2026-10-01T00:00:00.000Z',
};

/** A center-01 share of generated persons, as a care manager's device would hold. */
export function centerPersons(count: number): Person[] {
  return generateDemoData({ persons: count, personsOnly: true, seed: 5, centerIds: ['01'] }).persons;
}
