// Code tables a mapping names: the ones in codes.json (data IT edits) and the built-in
// ones whose truth lives in shared/ (care levels, the city's centers, the independence
// scales), written `@name` so nobody copies them into codes.json and lets them drift.
import {
  isCareLevelCode,
  isCenterId,
  toDementiaIndependenceLevel,
  toDisabilityIndependenceLevel,
} from '../../shared/index';
import type { CodeTables } from './schema';

export type CodeValue = string | boolean | number;
export type CodeLookup = (code: string) => CodeValue | undefined;

export const builtInCodeTables: Readonly<Record<string, CodeLookup>> = {
  '@careLevel': (code) => (isCareLevelCode(code) ? code : undefined),
  '@center': (code) => (isCenterId(code) ? code : undefined),
  '@dementiaIndependence': (code) => toDementiaIndependenceLevel(code) ?? undefined,
  '@disabilityIndependence': (code) => toDisabilityIndependenceLevel(code) ?? undefined,
};

export function codeLookup(tables: CodeTables, name: string): CodeLookup | undefined {
  const builtIn = builtInCodeTables[name];
  if (builtIn) return builtIn;
  const table = tables[name];
  if (!table) return undefined;
  return (code) => (Object.hasOwn(table, code) ? table[code] : undefined);
}
