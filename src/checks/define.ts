import type { z } from 'zod';
import type { Checker } from './types.js';

/** Keeps a checker's own param type while it is written, and lets the registry hold them all. */
export function defineChecker<P extends z.ZodTypeAny>(c: Checker<P>): Checker<P> {
  return c;
}
