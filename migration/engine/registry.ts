// What later files may refer to: the keys of accepted rows (with the document id, the
// person and the center they resolved to) and the keys of rejected ones, so that a row
// pointing at a rejected person says so instead of "unknown".
import type { PlainDocument } from '../../shared/index';

export interface RefEntry {
  id: string;
  personId?: string;
  centerId?: string;
  /** Masters keep their document: derivation rules read fields of it. */
  doc?: PlainDocument;
}

export class Registry {
  private readonly accepted = new Map<string, Map<string, RefEntry>>();
  private readonly rejectedKeys = new Map<string, Set<string>>();

  constructor(private readonly tracked: ReadonlySet<string>) {}

  isTracked(file: string): boolean {
    return this.tracked.has(file);
  }

  accept(file: string, key: string, entry: RefEntry): void {
    if (!this.tracked.has(file)) return;
    let map = this.accepted.get(file);
    if (!map) this.accepted.set(file, (map = new Map()));
    map.set(key, entry);
  }

  reject(file: string, key: string): void {
    if (!this.tracked.has(file)) return;
    let set = this.rejectedKeys.get(file);
    if (!set) this.rejectedKeys.set(file, (set = new Set()));
    set.add(key);
  }

  get(file: string, key: string): RefEntry | undefined {
    return this.accepted.get(file)?.get(key);
  }

  wasRejected(file: string, key: string): boolean {
    return this.rejectedKeys.get(file)?.has(key) ?? false;
  }
}
