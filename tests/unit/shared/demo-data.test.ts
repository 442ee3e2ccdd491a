import { describe, expect, it } from 'vitest';
import { generateDemoData, type DemoData } from '../../../shared/demo/index';
import { centerIds, collections, isValidInsuredNumber, normalizeKana, type CollectionName } from '../../../shared/index';
import { validateDocument } from '../../../server/validation/documents';

const kinds = Object.keys(collections).filter((k) => k !== 'conflicts' && k !== 'auditEntries' && k !== 'documents') as Array<
  Exclude<CollectionName, 'conflicts' | 'auditEntries' | 'documents'>
>;

function allDocuments(data: DemoData) {
  return kinds.flatMap((kind) => (data[kind] as unknown[]).map((doc) => ({ kind, doc })));
}

describe('demo data', () => {
  const data = generateDemoData({ persons: 300 });

  it('is valid against the shared schemas, every document', () => {
    const invalid = allDocuments(data)
      .map(({ kind, doc }) => ({ kind, id: (doc as { id: string }).id, result: validateDocument(kind, doc) }))
      .filter((r) => !r.result.ok);
    expect(invalid).toEqual([]);
  });

  it('is the same on every run with the same seed, and differs with another seed', () => {
    expect(generateDemoData({ persons: 300 })).toEqual(data);
    expect(generateDemoData({ persons: 300, seed: 7 }).persons[0]?.name).not.toEqual(undefined);
    expect(generateDemoData({ persons: 300, seed: 7 }).persons).not.toEqual(data.persons);
  });

  it('spreads persons over all five centers and keeps ids unique', () => {
    const byCenter = new Set(data.persons.map((p) => p.centerId));
    for (const id of centerIds) expect(byCenter).toContain(id);
    const ids = allDocuments(data).map(({ kind, doc }) => `${kind}/${(doc as { id: string }).id}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every person a consistent search key and insured number', () => {
    for (const p of data.persons) {
      expect(p.nameKanaKey).toBe(normalizeKana(p.nameKana));
      expect(isValidInsuredNumber(p.insured?.insuredNumber ?? '')).toBe(true);
    }
  });

  it('keeps every case record with its person and the person’s center', () => {
    const persons = new Map(data.persons.map((p) => [p.id, p]));
    for (const kind of kinds.filter((k) => k !== 'persons' && k !== 'masters')) {
      for (const doc of data[kind] as Array<{ personId: string; centerId: string }>) {
        expect(persons.get(doc.personId)?.centerId).toBe(doc.centerId);
      }
    }
  });

  it('has consultations, checklists and plans for the demo to show', () => {
    expect(data.consultations.length).toBeGreaterThan(300);
    expect(data.basicChecklists.length).toBeGreaterThan(30);
    expect(data.carePlans.length).toBeGreaterThan(10);
    expect(data.consultations.some((c) => c.suspectedAbuse && c.abuseTypes.length === 1)).toBe(true);
  });

  it('has elderly couples: two persons of one household, one address and one center, head and spouse', () => {
    const byHousehold = new Map<string, typeof data.persons>();
    for (const p of data.persons) {
      const key = p.household?.householdNumber ?? p.id;
      byHousehold.set(key, [...(byHousehold.get(key) ?? []), p]);
    }
    const couples = [...byHousehold.values()].filter((members) => members.length > 1);
    expect(couples.length).toBeGreaterThan(3);
    expect(couples.every((members) => members.length === 2)).toBe(true);
    for (const [head, spouse] of couples) {
      expect([head?.household?.relationship, spouse?.household?.relationship]).toEqual(['世帯主', spouse?.sex === 'female' ? '妻' : '夫']);
      expect(spouse?.household?.headName).toBe(head?.name);
      expect(spouse?.address).toBe(head?.address);
      expect(spouse?.centerId).toBe(head?.centerId);
      expect(spouse?.name.split('\u3000')[0]).toBe(head?.name.split('\u3000')[0]);
      expect(spouse?.nameKanaKey).toBe(normalizeKana(spouse?.nameKana ?? ''));
    }
  });

  it('restricts persons to the centers asked for', () => {
    const south = generateDemoData({ persons: 100, centerIds: ['03'] });
    expect(new Set(south.persons.map((p) => p.centerId))).toEqual(new Set(['03']));
  });
});
