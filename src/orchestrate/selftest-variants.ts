import { loadLesson } from '../lessons/load.js';
import type { Lesson } from '../lessons/model.js';
import { selftestLesson, type SelftestCase, type SelftestOptions } from './selftest.js';

/**
 * The self-test of a lesson, every incident variant included: an incident is tested once per
 * variant, each with its own seed (`selftest-<variant>`, so the params vary too), and its cases
 * are named `<step> [<variant>]`. Other lessons are tested as they are.
 */
export async function selftestEach(
  lesson: Lesson,
  onCase: (c: SelftestCase) => void = () => {},
  opts: SelftestOptions = {},
): Promise<SelftestCase[]> {
  if (!lesson.incident) return selftestLesson(lesson, onCase, opts);
  const cases: SelftestCase[] = [];
  for (const variant of lesson.incident.variants) {
    const one = loadLesson(lesson.dir, { lang: 'en', seed: `selftest-${variant}`, variant });
    const named = (c: SelftestCase): SelftestCase => ({ ...c, step: `${c.step} [${variant}]` });
    for (const c of await selftestLesson(one, (c) => onCase(named(c)), opts)) cases.push(named(c));
  }
  return cases;
}
