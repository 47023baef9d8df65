import React from 'react';
import { describe, expect, it } from 'vitest';
import { CheckPanel } from '../../../src/tui/components/CheckPanel.js';
import { ErrorBox } from '../../../src/tui/components/ErrorBox.js';
import { HintBox } from '../../../src/tui/components/HintBox.js';
import { Progress, progressLines } from '../../../src/tui/components/Progress.js';
import { StatusBar } from '../../../src/tui/components/StatusBar.js';
import { StepList } from '../../../src/tui/components/StepList.js';
import { linesText } from '../../../src/tui/markdown/render.js';
import type { ProgressEventView } from '../../../src/tui/model.js';
import { CHECKS, STEPS } from './fixtures.js';
import { frameLines, maxWidth, plain, renderTui } from './helpers.js';

describe('CheckPanel', () => {
  it('shows one line per check: ✔ / ✘ with the message, waiting on X, skipped: why', () => {
    const r = renderTui(<CheckPanel checks={CHECKS} width={100} />);
    const lines = frameLines(r);
    expect(lines[0]).toBe('Checks · 1 of 4 pass');
    expect(lines).toContain('✔ Container web is running.');
    expect(lines).toContain('✘ Container web is on network none, expected bridge.');
    expect(lines).toContain('… waiting on web-on-bridge: Not checked yet.');
    expect(lines).toContain('⊘ skipped: needs vlan, not available on this machine');
  });

  it('says when a run is under way, when nothing was checked yet, and when there are no checks', () => {
    expect(
      plain(renderTui(<CheckPanel checks={CHECKS} running width={80} />).lastFrame()),
    ).toContain('checking…');
    expect(plain(renderTui(<CheckPanel checks={undefined} width={80} />).lastFrame())).toContain(
      'Not checked yet: run a command, or press c.',
    );
    expect(plain(renderTui(<CheckPanel checks={[]} width={80} />).lastFrame())).toContain(
      'This step has no checks.',
    );
  });

  it('wraps long messages under their symbol within the width', () => {
    const long = {
      id: 'x',
      kind: 'k',
      pass: false,
      message:
        'Container web publishes 8080/tcp on 0.0.0.0, expected it on 127.0.0.1 only; remove it and run it again with -p 127.0.0.1:8080:80.',
    };
    const lines = frameLines(renderTui(<CheckPanel checks={[long]} width={40} />));
    expect(maxWidth(lines)).toBeLessThanOrEqual(40);
    expect(lines[1]!.startsWith('✘ ')).toBe(true);
    expect(lines[2]!.startsWith('  ')).toBe(true);
  });

  it('says pass / fail in words for screen readers', () => {
    const lines = frameLines(
      renderTui(<CheckPanel checks={CHECKS} width={100} />, { screenReader: true }),
    );
    expect(lines).toContain('pass: Container web is running.');
    expect(lines).toContain('fail: Container web is on network none, expected bridge.');
  });
});

describe('HintBox', () => {
  it('offers hints, then shows exactly as many as asked for', () => {
    const hints = STEPS[1]!.hints;
    expect(plain(renderTui(<HintBox hints={hints} revealed={0} width={80} />).lastFrame())).toBe(
      'Stuck? Press h for a hint (3 available).',
    );
    const one = plain(renderTui(<HintBox hints={hints} revealed={1} width={80} />).lastFrame());
    expect(one).toContain('Hint 1 of 3');
    expect(one).toContain('Use docker run -d.');
    expect(one).not.toContain('Hint 2 of 3');
    expect(one).toContain('Press h for the next hint (2 left).');
    const all = plain(renderTui(<HintBox hints={hints} revealed={3} width={80} />).lastFrame());
    expect(all).toContain('Hint 3 of 3');
    expect(all).toContain('That was the last hint. The solution is behind s.');
  });
});

describe('StepList', () => {
  it('marks the current step and shows every state as symbol and word', () => {
    const steps = [
      ...STEPS.map((s) => ({ id: s.id, title: s.title, state: s.state })),
      { id: 'vlan', title: 'A VLAN', state: 'skipped' as const },
    ];
    const lines = frameLines(renderTui(<StepList steps={steps} current={1} width={60} />));
    expect(lines[0]).toBe('  ✔ done     1. Look at docker0');
    expect(lines[1]).toBe('❯ ○ to do    2. Run a container on it');
    expect(lines[2]).toBe('  ⊘ skipped  3. A VLAN');
  });
});

describe('StatusBar', () => {
  it('says where keys go, how to switch, and the lab state, within the width', () => {
    const lesson = frameLines(renderTui(<StatusBar focus="lesson" lab="up" width={80} />));
    expect(lesson[0]).toMatch(/^focus: lesson · Ctrl-] switches focus +lab: up · \? help$/);
    const pane = frameLines(renderTui(<StatusBar focus="pane" lab="resetting" width={50} />));
    expect(pane[0]).toContain('focus: shell');
    expect(maxWidth(pane)).toBeLessThanOrEqual(50);
  });

  it("shows the lab's engine after its state", () => {
    const lines = frameLines(renderTui(<StatusBar focus="lesson" lab="up" engine="28.5" width={80} />));
    expect(lines[0]).toMatch(/lab: up · Docker 28\.5 · \? help$/);
  });

  it('leaves the engine out, not the help key, when the line is too narrow for both', () => {
    const note = 'host1 reset (fast)';
    const bar = <StatusBar focus="lesson" lab="up" engine="28.5" note={note} width={80} />;
    const lines = frameLines(renderTui(bar));
    expect(lines[0]).toMatch(/lab: up · \? help$/);
    expect(lines[0]).not.toContain('28.5');
  });
});

describe('ErrorBox', () => {
  it('shows the message, what to try and the next steps', () => {
    const text = plain(
      renderTui(
        <ErrorBox
          width={60}
          message="dockerd did not start on host1."
          tryMessage="sudo dnlab doctor"
          nextSteps={['Read the log: /run/dnlab/host1/dockerd.log', 'Then run dnlab up again.']}
        />,
      ).lastFrame(),
    );
    expect(text).toContain('Something went wrong');
    expect(text).toContain('dockerd did not start on host1.');
    expect(text).toContain('Try: sudo dnlab doctor');
    expect(text).toContain('Next steps:');
    expect(text).toContain('- Then run dnlab up again.');
    expect(text).toContain('╭');
  });

  it('has no frame for screen readers', () => {
    const text = plain(
      renderTui(<ErrorBox width={60} message="boom" />, { screenReader: true }).lastFrame(),
    );
    expect(text).toContain('boom');
    expect(text).not.toMatch(/[╭╮╰╯│─]/);
  });
});

describe('Progress', () => {
  const events: ProgressEventView[] = [
    { node: 'lab', stage: 'clean up leftovers', phase: 'start' },
    { node: 'lab', stage: 'clean up leftovers', phase: 'done', ms: 40 },
    { node: 'host1', stage: 'namespaces', phase: 'start' },
    { node: 'host2', stage: 'namespaces', phase: 'start' },
    { node: 'host1', stage: 'namespaces', phase: 'done', ms: 120 },
    { node: 'host1', stage: 'docker engine', phase: 'start' },
    { node: 'host2', stage: 'namespaces', phase: 'fail' },
    { node: 'host1', stage: 'docker engine', phase: 'done', ms: 1340 },
    { node: 'host1', stage: 'lab image', phase: 'start' },
  ];

  it('lists each node and each stage with its state and time', () => {
    const text = linesText(progressLines(events, 60, 0, { color: true, screenReader: false }));
    expect(text[0]).toBe('Starting the lab');
    expect(text).toContain('lab');
    expect(text).toContain('  ✔ clean up leftovers done, 40 ms');
    expect(text).toContain('host1');
    expect(text).toContain('  ✔ namespaces         done, 120 ms');
    expect(text).toContain('  ✔ docker engine      done, 1.3 s');
    expect(text).toContain('  ⠋ lab image          running');
    expect(text).toContain('  ✘ namespaces         failed');
  });

  it('spins while a stage runs', async () => {
    const r = renderTui(<Progress events={events} width={60} />);
    const first = plain(r.lastFrame());
    expect(first).toContain('⠋ lab image');
    await expect.poll(() => plain(r.lastFrame()), { interval: 20, timeout: 2000 }).not.toBe(first);
    r.unmount();
  });

  it('has no spinner for screen readers', () => {
    const r = renderTui(<Progress events={events} width={60} />, { screenReader: true });
    expect(plain(r.lastFrame())).toContain('  lab image          running');
    expect(maxWidth(frameLines(r))).toBeLessThanOrEqual(60);
    r.unmount();
  });
});
