import { describe, expect, it } from 'vitest';
import { gradeLessons } from '../../../src/grade/grade.js';
import { DEFAULT_TOPOLOGY } from '../../../src/lab/topology.js';
import { CheckTimeoutError, withDeadline } from '../../../src/orchestrate/check-step.js';
import { allDone, basicsLesson, clock } from './helpers.js';

const never = () => new Promise<never>(() => undefined);

describe('deadlines of a check run', () => {
  it('withDeadline names what it was waiting for', { timeout: 3000 }, async () => {
    const e = await withDeadline(never(), 100, () => 'reading host1').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(CheckTimeoutError);
    expect((e as Error).message).toBe(
      'The check did not answer within 0.1 s: still reading host1.',
    );
  });

  it('withDeadline passes a result that comes in time', async () => {
    expect(await withDeadline(Promise.resolve(7), 1000, () => 'x')).toBe(7);
  });

  it(
    'grade fails a step that does not answer, names it, and goes on',
    { timeout: 5000 },
    async () => {
      const lesson = basicsLesson();
      const first = lesson.steps[0]!;
      const r = await gradeLessons({
        lessons: [lesson],
        check: (req) => (req.checks === first.checks ? never() : allDone(req)),
        stepDeadlineMs: 100,
        topology: DEFAULT_TOPOLOGY,
        now: clock(),
      });
      const [stuck, ...rest] = r.lessons[0]!.steps;
      expect(stuck?.status).toBe('fail');
      expect(stuck?.checks[0]?.message).toContain(`still checking ${lesson.id}/${first.id}`);
      expect(rest.length).toBeGreaterThan(0);
      expect(rest.every((s) => s.status === 'pass')).toBe(true);
    },
  );
});
