import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRoot, useTestInstance } from './lab-helpers.js';

useTestInstance('les');

const { down, up } = await import('../../src/lab/lab.js');
const { loadAllLessons } = await import('../../src/lessons/load.js');
const { selftestLesson } = await import('../../src/lessons/selftest.js');

/**
 * Every lesson proves itself on a real lab (the same as `dnlab test-lessons`): each step fails
 * before its solution and passes after it, alternatives pass, wrong attempts fail with their
 * phrase. In CI each lesson runs three times to catch flaky checks.
 */
const repeat = Number(process.env.DNLAB_LESSON_REPEAT ?? (process.env.CI ? 3 : 1));
const lessons = loadAllLessons();

describe.skipIf(!isRoot || lessons.length === 0)('lesson self-test (real lab)', () => {
  beforeAll(async () => {
    await down();
    await up();
  });
  afterAll(async () => {
    await down();
  });

  for (const lesson of lessons) {
    it(`${lesson.id} passes its self-test ${repeat}×`, { timeout: 600_000 * repeat }, async () => {
      const failures: string[] = [];
      for (let round = 1; round <= repeat; round++) {
        for (const c of await selftestLesson(lesson)) {
          if (!c.ok) failures.push(`round ${round}: ${c.step} ${c.phase}: ${c.detail}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
