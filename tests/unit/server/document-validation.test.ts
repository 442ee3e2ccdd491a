import { describe, expect, it } from 'vitest';
import { compileAllValidators, validateDocument } from '../../../server/validation/documents';

const person = {
  id: 'person-0000000001',
  residentCode: '0000000001',
  centerId: '01',
  name: '架空 花子',
  nameKana: 'カクウ ハナコ',
  nameKanaKey: 'カクウハナコ',
  sex: 'female',
  birthDate: '1940-04-01',
  residentStatus: 'resident',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('document validation against the shared schemas', () => {
  it('compiles every schema', () => {
    expect(() => compileAllValidators()).not.toThrow();
  });

  it('accepts a valid person', () => {
    expect(validateDocument('persons', person)).toEqual({ ok: true });
  });

  it('names a missing required field in Japanese', () => {
    const { name: _name, ...withoutName } = person;
    const result = validateDocument('persons', withoutName);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({ field: 'name', keyword: 'required', message: '氏名は必須です' });
  });

  it('names an unknown field', () => {
    const result = validateDocument('persons', { ...person, favouriteColour: 'blue' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.field).toBe('favouriteColour');
    expect(result.errors[0]?.message).toContain('favouriteColour');
  });

  it('names a nested field by its list and leaf', () => {
    const result = validateDocument('persons', {
      ...person,
      relatedPersons: [{ seq: 1, isEmergencyContact: true, isKeyPerson: false }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ field: 'relatedPersons/0/name', message: '関係者・氏名は必須です' });
  });

  it('rejects a bad center code and a malformed date', () => {
    const result = validateDocument('persons', { ...person, centerId: '1', birthDate: '1940/04/01' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field).sort()).toEqual(['birthDate', 'centerId']);
  });

  it('validates a checklist of 25 answers with null for unanswered', () => {
    const answers = Array.from({ length: 25 }, (_, i) => (i === 11 ? null : i % 2 === 0));
    const base = { id: 'bc-1', personId: person.id, centerId: '01', conductedOn: '2026-01-05', method: 'visit', updatedAt: person.updatedAt };
    expect(validateDocument('basicChecklists', { ...base, answers })).toEqual({ ok: true });
    const short = validateDocument('basicChecklists', { ...base, answers: answers.slice(0, 24) });
    expect(short.ok).toBe(false);
  });
});
