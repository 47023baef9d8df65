import React from 'react';
import xtermHeadless from '@xterm/headless';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LessonList } from '../../../src/tui/components/LessonList.js';
import { LessonScreen } from '../../../src/tui/screens/LessonScreen.js';
import { takeSnapshot } from '../../../src/tui/terminal/snapshot.js';
import { CHECKS, LESSONS, STEPS } from './fixtures.js';
import { plain, press } from './helpers.js';

const { Terminal } = xtermHeadless;
const noop = () => {};
const BOX = /[╭╮╰╯│─┌┐└┘├┤┬┴┼]/;

describe('screen-reader mode (Ink isScreenReaderEnabled)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('lesson screen: plain linear text, words for states, no box drawing', async () => {
    vi.stubEnv('INK_SCREEN_READER', 'true');
    const term = new Terminal({ cols: 80, rows: 5, allowProposedApi: true });
    await new Promise<void>((res) => term.write('root@host1:~# ', res));
    const r = render(
      <LessonScreen
        lessonTitle="The docker0 bridge"
        steps={STEPS}
        current={0}
        checks={CHECKS}
        focus="lesson"
        lab="up"
        columns={96}
        rows={60}
        pane={{
          host: 'host1',
          snapshot: takeSnapshot(term, { cursorVisible: true, showCursor: false }),
        }}
        onStep={noop}
        onCheck={noop}
        onReset={noop}
        onBack={noop}
        onQuit={noop}
        onToggleFocus={noop}
      />,
    );
    const text = plain(r.lastFrame());
    expect(text).toContain('pass: Container web is running.');
    expect(text).toContain('fail: Container web is on network none, expected bridge.');
    expect(text).toContain('waiting on web-on-bridge: Not checked yet.');
    expect(text).toContain('Step 1 of 2: Look at docker0 (done)');
    expect(text).toContain('- list the links with ip link');
    expect(text).toContain('shell on host1');
    expect(text).toContain('root@host1:~#');
    // The shell's empty rows are not read out.
    expect(text).toMatch(/root@host1:~#\nfocus: lesson/);
    expect(text).not.toMatch(BOX);
    const help = await press(r, '?', (t) => t.includes('Keys'));
    expect(help).not.toMatch(BOX);
  });

  it('lesson list: the state as a word, no symbols', () => {
    vi.stubEnv('INK_SCREEN_READER', 'true');
    const r = render(
      <LessonList
        lessons={LESSONS}
        continueId="02-docker0"
        width={80}
        onOpen={noop}
        onQuit={noop}
      />,
    );
    const text = plain(r.lastFrame());
    expect(text).toMatch(/> in progress\s+The docker0 bridge.*, continue here/);
    expect(text).not.toMatch(/[✔◐○❯◆]/);
  });
});
