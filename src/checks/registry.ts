import type { Checker } from './types.js';

/** Every checker kind a lesson may name. Each checker lives in its own file under kinds/. */
const checkers: Checker[] = [];

const byKind = new Map<string, Checker>(checkers.map((c) => [c.kind, c]));

export function getChecker(kind: string): Checker | undefined {
  return byKind.get(kind);
}

export function allCheckers(): Checker[] {
  return [...byKind.values()];
}

export function registerChecker(c: Checker): void {
  byKind.set(c.kind, c);
}
