import { vi } from 'vitest';

// Chalk reads FORCE_COLOR when it loads: colour must be possible for "no escape codes" to mean
// anything, so it is forced on before Ink is imported.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

import React from 'react';
import xtermHeadless from '@xterm/headless';
import { render } from 'ink-testing-library';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { LessonList } from '../../../src/tui/components/LessonList.js';
import { TerminalPane } from '../../../src/tui/components/TerminalPane.js';
import { LessonScreen } from '../../../src/tui/screens/LessonScreen.js';
import { takeSnapshot } from '../../../src/tui/terminal/snapshot.js';
import { colorsEnabled } from '../../../src/tui/theme.js';
import { CHECKS, LESSONS, STEPS } from './fixtures.js';
import { press } from './helpers.js';

const { Terminal } = xtermHeadless;
const noop = () => {};
const ESC = /\x1b\[/;

function lessonScreen() {
  return (
    <LessonScreen
      lessonTitle="The docker0 bridge"
      steps={STEPS}
      current={0}
      checks={CHECKS}
      focus="lesson"
      lab="up"
      columns={80}
      rows={24}
      pane={{ host: 'host1' }}
      onStep={noop}
      onCheck={noop}
      onReset={noop}
      onBack={noop}
      onQuit={noop}
      onToggleFocus={noop}
    />
  );
}

describe('NO_COLOR', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  afterAll(() => {
    delete process.env.FORCE_COLOR;
  });

  it('follows no-color.org: set and not empty turns colour off', () => {
    expect(colorsEnabled({})).toBe(true);
    expect(colorsEnabled({ NO_COLOR: '' })).toBe(true);
    expect(colorsEnabled({ NO_COLOR: '1' })).toBe(false);
  });

  it('colour is on without it (the control for the tests below)', () => {
    const r = render(lessonScreen());
    expect(r.lastFrame()).toMatch(ESC);
  });

  it('lesson list, lesson screen, help and questions carry no escape codes', async () => {
    vi.stubEnv('NO_COLOR', '1');
    const list = render(
      <LessonList
        lessons={LESSONS}
        continueId="02-docker0"
        width={80}
        onOpen={noop}
        onQuit={noop}
      />,
    );
    expect(list.lastFrame()).not.toMatch(ESC);
    const r = render(lessonScreen());
    expect(r.lastFrame()).toContain('✘ Container web is on network none');
    expect(r.lastFrame()).not.toMatch(ESC);
    await press(r, 'h');
    await press(r, 's', (t) => t.includes('Show the solution?'));
    expect(r.lastFrame()).not.toMatch(ESC);
    await press(r, 'y', (t) => t.includes('on host1:'));
    expect(r.lastFrame()).not.toMatch(ESC);
    await press(r, '?', (t) => t.includes('Keys'));
    expect(r.lastFrame()).not.toMatch(ESC);
  });

  it('the shell pane drops colours but keeps inverse (the cursor, less and vi status lines)', async () => {
    const term = new Terminal({ cols: 30, rows: 2, allowProposedApi: true });
    await new Promise<void>((res) => term.write('\x1b[31mred\x1b[0m \x1b[7mrev\x1b[0m', res));
    const snap = takeSnapshot(term, { cursorVisible: true, showCursor: false });
    const coloured =
      render(<TerminalPane snapshot={snap} width={30} height={2} />).lastFrame() ?? '';
    expect(coloured).toMatch(/\x1b\[3[0-9;]*m|\x1b\[38;5;1m/);
    vi.stubEnv('NO_COLOR', '1');
    const plain = render(<TerminalPane snapshot={snap} width={30} height={2} />).lastFrame() ?? '';
    expect(plain).not.toMatch(/\x1b\[(3\d|38|4\d|48)[;m]/);
    expect(plain).toContain('\x1b[7mrev');
  });
});
