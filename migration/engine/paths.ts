// Setting values at dotted field paths (`scores.motor`, `answers.11`) in plain objects.

const splitCache = new Map<string, readonly string[]>();

/** `a.b.0` → ['a', 'b', '0'], remembered: a run sets the same few hundred paths millions of times. */
export function segmentsOf(path: string): readonly string[] {
  let segments = splitCache.get(path);
  if (!segments) splitCache.set(path, (segments = path.split('.')));
  return segments;
}

export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  if (!path.includes('.')) {
    target[path] = value;
    return;
  }
  const segments = segmentsOf(path);
  let node: Record<string, unknown> | unknown[] = target;
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i] as string;
    const nextIsIndex = /^[0-9]+$/.test(segments[i + 1] as string);
    const container = node as Record<string, unknown>;
    let child = container[segment];
    if (child === undefined || child === null || typeof child !== 'object') {
      child = nextIsIndex ? [] : {};
      container[segment] = child;
    }
    node = child as Record<string, unknown> | unknown[];
  }
  (node as Record<string, unknown>)[segments[segments.length - 1] as string] = value;
}

/** A JSON value copied, so that constants shared by every row are never shared objects. */
export function copyJson<T>(value: T): T {
  return value === null || typeof value !== 'object' ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export const topLevel = (path: string): string => path.split('.')[0] as string;
