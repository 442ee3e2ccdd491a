import { describe, expect, it } from 'vitest';
import type { ImportOutcome, ImportUnit } from '../../../server/migration/store';
import { Sink, type MigrationTarget } from '../../../migration/engine/sink';
import { emptyCounts, type PendingUnit } from '../../../migration/engine/state';
import { plainProgress } from '../../../migration/progress';

const pending = (collection: ImportUnit['collection'], id: string): PendingUnit => ({
  unit: { collection, doc: { id, centerId: '01' }, owned: ['id'], checks: [{ fields: ['id'] }] },
  rows: [],
  files: [],
});

const outcomeOf = (unit: ImportUnit): ImportOutcome => ({ id: String(unit.doc.id), status: 'added', before: [], after: [], filesVerified: true });

/** Two writers: the persons' one is held until released, as a storage thread busy with a flush. */
function twoWriters() {
  let release!: () => void;
  const personsFree = new Promise<void>((resolve) => (release = resolve));
  const written: string[] = [];
  let otherDone!: () => void;
  const otherWritten = new Promise<void>((resolve) => (otherDone = resolve));
  const target: MigrationTarget = {
    description: 'test',
    lanes: 2,
    laneOf: (collection) => (collection === 'persons' ? 0 : 1),
    putFiles: () => Promise.resolve(),
    async importBatch(units) {
      if (units.some((u) => u.collection === 'persons')) await personsFree;
      written.push(...units.map((u) => String(u.doc.id)));
      if (written.filter((id) => !id.startsWith('person')).length === 2) otherDone();
      return units.map(outcomeOf);
    },
    close: () => Promise.resolve(),
  };
  return { target, written, release, otherWritten };
}

describe('handing documents to the storage threads', () => {
  it('goes on with one writer while the other is busy, and loses nothing', async () => {
    const { target, written, release, otherWritten } = twoWriters();
    const reported: string[] = [];
    const sink = new Sink(target, 1, (batch, outcomes) => reported.push(...(outcomes ?? []).map((o) => o.id)), 1);
    await sink.add(pending('persons', 'person-1'));
    // The persons' writer has its one batch in flight: the next person waits for it…
    const secondPerson = sink.add(pending('persons', 'person-2'));
    // …but consultations go to the other writer meanwhile.
    await sink.add(pending('consultations', 'consultations-1'));
    await sink.add(pending('consultations', 'consultations-2'));
    await otherWritten;
    expect(written).toEqual(['consultations-1', 'consultations-2']);
    release();
    await secondPerson;
    await sink.drain();
    expect(new Set(written)).toEqual(new Set(['consultations-1', 'consultations-2', 'person-1', 'person-2']));
    expect(new Set(reported)).toEqual(new Set(written));
  });
});

describe('progress lines when files are read side by side', () => {
  it('names each file with its own progress', () => {
    const lines: string[] = [];
    const progress = plainProgress((line) => lines.push(line));
    progress.startFile('17_basic_checklist.csv', 100);
    progress.startFile('21_consultation.csv', 1000);
    progress.advance('17_basic_checklist.csv', 50, 5);
    progress.advance('21_consultation.csv', 100, 10);
    progress.endFile('17_basic_checklist.csv', { ...emptyCounts(), read: 9 });
    expect(lines[2]).toContain('17_basic_checklist.csv');
    expect(lines[2]).toContain('50%');
    expect(lines[3]).toContain('21_consultation.csv');
    expect(lines[3]).toContain('10%');
    expect(lines[4]).toContain('17_basic_checklist.csv');
  });
});
