import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '../../../src/i18n/index.js';
import { emptyProgress, markGaveUp } from '../../../src/lab/progress-store.js';
import { lessonsRoot, loadLesson } from '../../../src/lessons/load.js';
import { stepViews } from '../../../src/tui/app/lesson-view.js';
import { stepBodyLines } from '../../../src/tui/components/StepView.js';
import { initialLessonUi, lessonUiReducer } from '../../../src/tui/state/lesson-ui.js';

beforeAll(() => setLang('en'));

const text = (lines: { text: string }[][]) =>
  lines.map((l) => l.map((s) => s.text).join('')).join('\n');
const theme = { color: false, screenReader: false };

describe('giving up an incident', () => {
  const lesson = loadLesson(path.join(lessonsRoot(), '15-incident-published-port'), {
    lang: 'en',
    seed: 'ann',
    variant: 'ports-swapped',
  });
  const [step] = stepViews(lesson, emptyProgress());

  it('opens with the symptom; the fault stays hidden until the solution is asked for', () => {
    expect(step!.markdown.startsWith(lesson.incident!.symptom)).toBe(true);
    const before = text(stepBodyLines(step!, 78, theme));
    expect(before).not.toContain('ports-swapped');
    expect(before).not.toContain('The fault:');
  });

  it('yes to the solution is an effect (recorded), and shows the variant and its explanation', () => {
    const asked = lessonUiReducer(initialLessonUi, 'solution', {
      hintCount: 2,
      maxScroll: 0,
      page: 5,
    });
    const yes = lessonUiReducer(asked.state, 'yes', { hintCount: 2, maxScroll: 0, page: 5 });
    expect(yes.effect).toEqual({ type: 'solutionShown' });
    const shown = text(stepBodyLines(step!, 78, theme, { solution: yes.state.solution }));
    expect(shown).toContain('Given up. The fault was: ports-swapped');
    expect(shown).toContain('The fault:');
    expect(shown).toContain(`-p ${lesson.params!.hostport}:80`);
  });

  it('progress records the variant given up, without marking the step', () => {
    const p = markGaveUp(emptyProgress(), lesson.id, 'diagnose', 'ports-swapped');
    expect(p.lessons[lesson.id]).toMatchObject({ gaveUp: 'ports-swapped', steps: {} });
  });
});
