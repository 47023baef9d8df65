import React from 'react';
import { describe, expect, it, vi } from 'vitest';
import { LessonList } from '../../../src/tui/components/LessonList.js';
import { lessonListReducer } from '../../../src/tui/state/lesson-list.js';
import { LESSONS } from './fixtures.js';
import { KEY, frameLines, maxWidth, plain, press, renderTui, tick } from './helpers.js';

function list(props: Partial<React.ComponentProps<typeof LessonList>> = {}) {
  const onOpen = vi.fn();
  const onQuit = vi.fn();
  const r = renderTui(
    <LessonList lessons={LESSONS} width={80} onOpen={onOpen} onQuit={onQuit} {...props} />,
  );
  return { r, onOpen, onQuit };
}

const selectedLine = (lines: string[]) => lines.find((l) => l.startsWith('❯'));

describe('LessonList', () => {
  it('shows each lesson with its state as a symbol and a word, minutes and steps', () => {
    const { r } = list();
    const text = plain(r.lastFrame());
    expect(text).toContain('✔ done');
    expect(text).toContain('◐ in progress');
    expect(text).toContain('○ new');
    expect(text).toContain('15 min');
    expect(text).toContain('1/4');
    expect(text).toContain('发布端口');
    expect(maxWidth(frameLines(r))).toBeLessThanOrEqual(80);
  });

  it('starts on the lesson to continue and marks it', () => {
    const { r } = list({ continueId: '02-docker0' });
    const sel = selectedLine(frameLines(r));
    expect(sel).toContain('The docker0 bridge');
    expect(sel).toContain('continue here');
  });

  it('moves with arrows and j/k, and Enter opens the selected lesson', async () => {
    const { r, onOpen } = list();
    expect(selectedLine(frameLines(r))).toContain('Network namespaces');
    await press(r, KEY.down);
    expect(selectedLine(frameLines(r))).toContain('The docker0 bridge');
    await press(r, 'j');
    expect(selectedLine(frameLines(r))).toContain('User-defined bridges');
    await press(r, 'k');
    expect(selectedLine(frameLines(r))).toContain('The docker0 bridge');
    await press(r, KEY.up);
    expect(selectedLine(frameLines(r))).toContain('Network namespaces');
    await tick();
    r.stdin.write(KEY.down);
    await tick();
    r.stdin.write(KEY.enter);
    await vi.waitFor(() => expect(onOpen).toHaveBeenCalledWith('02-docker0'));
  });

  it('q quits', async () => {
    const { r, onQuit } = list();
    await tick();
    r.stdin.write('q');
    await vi.waitFor(() => expect(onQuit).toHaveBeenCalledTimes(1));
  });

  it('scrolls a long list within its height, keeping the selection visible', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      ...LESSONS[2]!,
      id: `l${i}`,
      title: `Lesson number ${i}`,
    }));
    const { r } = list({ lessons: many, height: 12 });
    expect(frameLines(r).length).toBeLessThanOrEqual(12);
    for (let i = 0; i < 15; i++) await press(r, 'j');
    expect(selectedLine(frameLines(r))).toContain('Lesson number 15');
    expect(plain(r.lastFrame())).toContain('Lesson 16 of 30');
    expect(frameLines(r).length).toBeLessThanOrEqual(12);
  });
});

describe('lessonListReducer', () => {
  const ctx = { count: 3, continueIndex: 2 };
  it('clamps at both ends and jumps', () => {
    expect(lessonListReducer({ selected: 0 }, 'up', ctx)).toEqual({ selected: 0 });
    expect(lessonListReducer({ selected: 2 }, 'down', ctx)).toEqual({ selected: 2 });
    expect(lessonListReducer({ selected: 1 }, 'bottom', ctx)).toEqual({ selected: 2 });
    expect(lessonListReducer({ selected: 1 }, 'top', ctx)).toEqual({ selected: 0 });
    expect(lessonListReducer({ selected: 0 }, 'continue', ctx)).toEqual({ selected: 2 });
    expect(lessonListReducer({ selected: 0 }, 'down', { count: 0 })).toEqual({ selected: 0 });
  });
});
