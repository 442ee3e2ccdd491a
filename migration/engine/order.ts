// The order files are read in: a file after every file its rows refer to, an embedded
// file after its owner, and a file that refers to an owner's documents only once the
// owner is complete (a person's center can still change while the ledger is read).
import { dependenciesOf, type LoadedMapping } from '../mapping/load';

export interface ExecutionStep {
  loaded: LoadedMapping;
  /** Owner files whose held documents are complete once this file is read. */
  completes: string[];
  /** Files that must be read (and their held documents complete) before this one. */
  after: string[];
}

/** Files other files embed rows into: their documents are held until those rows are in. */
export function heldFiles(mappings: readonly LoadedMapping[]): Map<string, string[]> {
  const held = new Map<string, string[]>();
  for (const { mapping } of mappings) {
    if (mapping.embedIn) held.set(mapping.embedIn.file, [...(held.get(mapping.embedIn.file) ?? []), mapping.file]);
  }
  return held;
}

export function executionOrder(mappings: readonly LoadedMapping[]): ExecutionStep[] {
  const byFile = new Map(mappings.map((m) => [m.mapping.file, m]));
  const held = heldFiles(mappings);
  const dependencies = new Map<string, Set<string>>();
  for (const { mapping } of mappings) {
    const deps = new Set(dependenciesOf(mapping, mappings));
    for (const dep of [...deps]) {
      // Referring to a held file means waiting for its embedded files too (not for the embedded files themselves).
      if (mapping.embedIn?.file !== dep) for (const embedded of held.get(dep) ?? []) if (embedded !== mapping.file) deps.add(embedded);
    }
    dependencies.set(mapping.file, deps);
  }
  const order: LoadedMapping[] = [];
  const done = new Set<string>();
  const pending = [...mappings].sort((a, b) => a.mapping.number.localeCompare(b.mapping.number));
  while (pending.length > 0) {
    // The lowest-numbered file whose dependencies are all read (loadMappings rejected cycles).
    const index = pending.findIndex((m) => [...(dependencies.get(m.mapping.file) ?? [])].every((d) => done.has(d) || !byFile.has(d)));
    if (index < 0) throw new Error('mapping dependencies form a cycle');
    const [next] = pending.splice(index, 1);
    if (!next) break;
    order.push(next);
    done.add(next.mapping.file);
  }
  return order.map((loaded, position) => {
    const completes: string[] = [];
    for (const [owner, embedded] of held) {
      const group = [owner, ...embedded];
      const last = Math.max(...group.map((file) => order.findIndex((m) => m.mapping.file === file)));
      if (last === position) completes.push(owner);
    }
    return { loaded, completes, after: [...(dependencies.get(loaded.mapping.file) ?? [])] };
  });
}
