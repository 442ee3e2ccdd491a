// Where a mapping's file is in an export folder. The vendor names files `NN_name.csv`
// (FORMAT.md); a re-saved export may have lost the number or changed the case, so the
// name alone, in any case, is accepted too, but never two candidates at once.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ExportListing {
  dir: string;
  /** Lower-cased file name → actual name. */
  byLowerName: ReadonlyMap<string, string>;
}

export function listExport(dir: string): ExportListing {
  const byLowerName = new Map<string, string>();
  for (const name of readdirSync(dir)) byLowerName.set(name.toLowerCase(), name);
  return { dir, byLowerName };
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export type Located = { ok: true; name: string; path: string } | { ok: false; reason: 'missing' | 'ambiguous'; candidates: string[] };

export function locateFile(listing: ExportListing, number: string, file: string): Located {
  const candidates = [`${number}_${file}`, file]
    .map((name) => listing.byLowerName.get(name.toLowerCase()))
    .filter((name): name is string => name !== undefined);
  const [first] = candidates;
  if (candidates.length === 1 && first !== undefined) return { ok: true, name: first, path: join(listing.dir, first) };
  return { ok: false, reason: candidates.length === 0 ? 'missing' : 'ambiguous', candidates };
}
