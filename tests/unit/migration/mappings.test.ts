import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultMappingDir, loadMappings, MappingError } from '../../../migration/mapping/load';
import { executionOrder } from '../../../migration/engine/order';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the shipped mappings with one file edited, as IT would edit it. */
function editedMappings(file: string, edit: (json: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'kizuna-mappings-'));
  dirs.push(dir);
  cpSync(defaultMappingDir, dir, { recursive: true });
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  edit(json);
  writeFileSync(path, JSON.stringify(json, null, 2));
  return dir;
}

function problemsOf(dir: string): string {
  try {
    loadMappings(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(MappingError);
    return (error as Error).message;
  }
  throw new Error('the mappings loaded');
}

type Column = { column: string; field?: string; type: string; codes?: string };
const columns = (json: Record<string, unknown>) => json.columns as Column[];

describe('the mappings, checked before any row is read', () => {
  it('load: one mapping for each of the 27 legacy files', () => {
    const set = loadMappings();
    expect(set.mappings.map((m) => m.mapping.number)).toEqual(Array.from({ length: 27 }, (_, i) => String(i + 1).padStart(2, '0')));
  });

  it('read a file only after the files its rows refer to, and persons only once their ledger is in', () => {
    const order = executionOrder(loadMappings().mappings).map((s) => s.loaded.mapping.number);
    const before = (a: string, b: string) => expect(order.indexOf(a)).toBeLessThan(order.indexOf(b));
    before('16', '19'); // centers before living areas
    before('18', '27'); // the person before its ledger
    before('27', '21'); // the ledger (which can move the person) before consultations
    before('03', '02'); // provider plans before their programs
    before('02', '04'); // programs complete a plan before its evaluations
  });

  it('name the mapping file and key of a misspelt field', () => {
    const dir = editedMappings('18_person.json', (json) => {
      const name = columns(json).find((c) => c.column === '氏名');
      if (name) name.field = 'nmae';
    });
    const message = problemsOf(dir);
    expect(message).toContain('18_person.json');
    expect(message).toContain('columns[1].field');
    expect(message).toContain('nmae');
  });

  it('refuse a column that lands nowhere, so no legacy value is dropped silently', () => {
    const dir = editedMappings('21_consultation.json', (json) => {
      const center = columns(json).find((c) => c.column === '包括コード') as Record<string, unknown>;
      delete center.carry;
    });
    expect(problemsOf(dir)).toMatch(/21_consultation\.json の columns\[2\]: 列「包括コード」の行き先がありません/);
  });

  it('refuse an unknown code table, type or reference, and a JSON syntax error', () => {
    expect(
      problemsOf(
        editedMappings('18_person.json', (json) => {
          const sex = columns(json).find((c) => c.column === '性別');
          if (sex) sex.codes = 'gender';
        }),
      ),
    ).toContain('コード表「gender」');
    expect(
      problemsOf(
        editedMappings('21_consultation.json', (json) => {
          const date = columns(json).find((c) => c.column === '相談日');
          if (date) date.type = 'datum';
        }),
      ),
    ).toMatch(/21_consultation\.json の columns\[3\]\.type: 値が選択肢/);
    expect(problemsOf(editedMappings('02_provider_plan_program.json', (json) => ((json.embedIn as Record<string, unknown>).file = 'provider_plans.csv')))).toContain(
      'provider_plans.csv',
    );
    const dir = editedMappings('16_center.json', () => undefined);
    writeFileSync(join(dir, '16_center.json'), '{ "number": "16", ');
    expect(problemsOf(dir)).toMatch(/16_center\.json.*正しい JSON ではありません/);
  });

  it('refuse references that go round in a circle', () => {
    const dir = editedMappings('16_center.json', (json) => {
      const areas = columns(json).find((c) => c.column === '担当生活圏域') as Record<string, unknown>;
      areas.type = 'code';
      delete areas.separator;
      areas.field = 'center.address';
      areas.references = { file: 'living_area.csv' };
      const address = columns(json).find((c) => c.column === '所在地') as Record<string, unknown>;
      address.carry = true;
      delete address.field;
    });
    expect(problemsOf(dir)).toMatch(/参照が循環しています/);
  });
});
