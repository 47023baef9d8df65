import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../../src/lessons/diagnostics.js';

export const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/lessons',
);
export const GOOD = path.join(FIXTURES, 'good');
export const BAD = path.join(FIXTURES, 'bad');

/** `bad/12-bad-param/lesson.yaml:13:9: steps.0.checks.0.subnett`: where, without the message. */
export function where(d: Diagnostic): string {
  return `${path.relative(FIXTURES, d.file)}:${d.line}:${d.col}: ${d.field}`;
}
