import { describe, expect, it } from 'vitest';
import type { ImportUnit } from '../../../server/migration/store';
import { decodeUnits, encodeUnits } from '../../../migration/target/wire';

describe('import batches as they travel to a storage thread', () => {
  it('arrive as mapped, lists shared by units arriving shared', () => {
    const owned = ['id', 'centerId', 'legacy'];
    const fields = ['date', 'legacy.key'];
    const units: ImportUnit[] = [
      { collection: 'consultations', doc: { id: 'c-1', centerId: '01', text: '相談 "引用" ①' }, owned, checks: [{ fields }] },
      { collection: 'consultations', doc: { id: 'c-2', centerId: '02' }, owned, defaulted: ['status'], checks: [{ fields }], files: [{ centerId: '02', sha256: 'a'.repeat(64) }] },
      { collection: 'persons', doc: { id: 'p-1', insuranceHistory: [{ historyNumber: 1 }] }, owned: ['id'], checks: [{ fields, rootFields: ['name'] }, { path: 'insuranceHistory', match: { historyNumber: 1 }, fields }] },
    ];
    const decoded = decodeUnits(encodeUnits(units));
    expect(decoded).toEqual(units);
    expect(decoded[0]?.owned).toBe(decoded[1]?.owned);
    expect(decoded[0]?.checks[0]?.fields).toBe(decoded[2]?.checks[1]?.fields);
  });
});
