import React from 'react';
import xtermHeadless from '@xterm/headless';
import stringWidth from 'string-width';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CheckResult } from '../../../src/checks/types.js';
import { en } from '../../../src/i18n/en.js';
import { setLang } from '../../../src/i18n/index.js';
import { zhCN } from '../../../src/i18n/zh-CN.js';
import type { Progress } from '../../../src/lab/progress-store.js';
import type { Lesson, Step } from '../../../src/lessons/index.js';
import { App, type AppOutcome } from '../../../src/tui/App.js';
import { checkPanelLines } from '../../../src/tui/components/CheckPanel.js';
import { topologyPanelLines } from '../../../src/tui/components/TopologyPanel.js';
import { ServicesProvider, type TuiServices } from '../../../src/tui/services.js';
import { fakeLab } from './app/fakes.js';
import { plain, renderTui, tick, waitForFrame, type Rendered } from './helpers.js';

/**
 * Issue #9: the TUI at 80×24 in 简体中文. Ink's frames are written into a headless xterm of 80×24,
 * so what is measured is what a terminal shows: a CJK character takes two cells there, and a row
 * one column too wide wraps onto the next row and breaks every border under it.
 */

const COLS = 80;
const ROWS = 24;

function step(index: number, s: Partial<Step> & Pick<Step, 'id' | 'title' | 'text'>): Step {
  return {
    index,
    textFile: `steps/${s.id}.zh-CN.md`,
    host: 'host1',
    features: [],
    points: 1,
    checks: [
      { kind: 'container-running', params: { name: 'web' } },
      { kind: 'container-on-network', params: { name: 'web', network: 'bridge' } },
    ],
    hints: [],
    solution: [],
    alternatives: [],
    wrong: [],
    explain: '',
    ...s,
  };
}

function lesson(id: string, title: string, minutes: number, steps: Step[]): Lesson {
  return {
    id,
    dir: `/nonexistent/${id}`,
    lang: 'zh-CN',
    languages: ['en', 'zh-CN'],
    title,
    summary: title,
    minutes,
    hosts: ['host1'],
    features: [],
    setup: [],
    steps,
    contentHash: id,
  } as Lesson;
}

/** A small lesson in Chinese (the real translations are someone else's; this one is ours). */
const BRIDGE = lesson('02-docker0', '默认网桥 docker0 与容器的网络接口', 15, [
  step(0, {
    id: 'look',
    title: '查看默认网桥 docker0',
    text: [
      '# 默认网桥',
      '',
      '每台 Docker 主机上都有一个名为 `docker0` 的网桥。启动容器时如果**没有**指定网络，容器就会接入这个网桥：Docker 为它创建一个 veth 对，一端放进容器的网络命名空间，对端作为网桥端口留在主机上。',
      '',
      '| 接口 | 位置 | 说明 |',
      '| --- | --- | --- |',
      '| docker0 | 主机 | 默认网桥 |',
      '| eth0 | 容器 | veth 对的一端 |',
      '',
      '```sh',
      'ip -br link show docker0 # 查看网桥',
      '```',
    ].join('\n'),
    hints: ['试试 `ip link`，找名字以 docker 开头的接口。', '网桥端口可以用 `bridge link` 列出。'],
    solution: [{ host: 'host1', run: 'ip link show docker0' }],
    explain: '网桥在任何容器运行之前就已存在。',
  }),
  step(1, {
    id: 'run',
    title: '在默认网桥上运行一个容器，并找到它的 veth 对端',
    text: '用 `lab` 镜像在后台启动一个名为 `web` 的容器，然后再看一次网桥。',
    hints: ['使用 `docker run -d`。'],
    solution: [{ host: 'host1', run: 'docker run -d --name web lab' }],
  }),
]);

const LESSONS: Lesson[] = [
  lesson('01-namespaces', '网络命名空间', 10, [
    step(0, { id: 'a', title: '创建网络命名空间', text: '运行 `ip netns add red`。' }),
  ]),
  BRIDGE,
  lesson('03-user-bridges', '自定义网络与内嵌 DNS 服务器的名称解析（服务发现）', 20, [
    step(0, { id: 'a', title: '创建自定义网络', text: '运行 `docker network create app`。' }),
  ]),
  lesson('04-publish', 'Port publishing: 端口映射与 DNAT 规则', 12, [
    step(0, { id: 'a', title: '发布端口', text: '运行 `docker run -p 8080:80`。' }),
  ]),
];

const LONG_ERROR =
  'dockerd 在 10 秒内没有响应：请查看实验主机上 /var/log/dockerd.log 里的错误信息，确认网络命名空间和 cgroup 都已正确挂载，然后重试。';

const PROGRESS: Progress = {
  format: 'dnlab-progress',
  version: 1,
  last: { lesson: '02-docker0', step: 'look' },
  lessons: {
    '01-namespaces': {
      steps: { a: { state: 'done', at: '2026-11-24T10:00:00.000Z' } },
      hints: {},
      lastStep: 'a',
    },
    '02-docker0': { steps: {}, hints: { look: 1 }, lastStep: 'look' },
  },
};

/** The fake lab, its check messages in Chinese (as the checks' own zh-CN text would be). */
function chineseLab(opts: Parameters<typeof fakeLab>[1] = {}) {
  const lab = fakeLab(LESSONS, { progress: PROGRESS, ...opts });
  lab.services.check = async (req) =>
    req.checks.map((c, i): CheckResult => ({
      id: c.id ?? `${c.kind}-${i}`,
      kind: c.kind,
      pass: i === 0,
      message:
        i === 0
          ? '容器 web 正在运行。'
          : '容器 web 接入的网络是 none，期望是 bridge（默认 bridge 网络）。',
      evidence: [],
    }));
  return lab;
}

// --- The screen, through a real terminal emulator ------------------------------------------

type Term = InstanceType<typeof xtermHeadless.Terminal>;

/** Ink's last frame on an 80×24 xterm, as a terminal would show it. */
async function toScreen(frame: string): Promise<Term> {
  const term = new xtermHeadless.Terminal({ cols: COLS, rows: ROWS, allowProposedApi: true });
  await new Promise<void>((resolve) =>
    term.write(`\x1b[2J\x1b[H${frame.replace(/\n/g, '\r\n')}`, resolve),
  );
  return term;
}

/**
 * Each row as its cells: `cells[x]` is what column x shows; the right half of a wide character
 * is ''. Also whether the row is the continuation of a row that did not fit.
 */
function rowsOf(term: Term): { cells: string[]; text: string; wrapped: boolean }[] {
  const b = term.buffer.active;
  const out = [];
  for (let y = 0; y < term.rows; y++) {
    const line = b.getLine(b.viewportY + y)!;
    const cells: string[] = [];
    for (let x = 0; x < term.cols; x++) {
      const cell = line.getCell(x)!;
      cells.push(cell.getWidth() === 0 ? '' : cell.getChars() || ' ');
    }
    out.push({ cells, text: line.translateToString(true), wrapped: line.isWrapped });
  }
  return out;
}

function screenText(term: Term): string {
  return rowsOf(term)
    .map((r) => r.text)
    .join('\n');
}

/** No row spilled over (a spill shows as a wrapped row, or as more rows than the screen). */
function expectNoSpill(frame: string, term: Term): void {
  expect(frame.split('\n').length).toBeLessThanOrEqual(ROWS);
  const spilled = rowsOf(term)
    .map((r, y) => (r.wrapped ? `row ${y}: ${r.text}` : ''))
    .filter(Boolean);
  expect(spilled).toEqual([]);
}

/**
 * A box drawn with `╭─╮ │ │ ╰─╯`: its corners on one pair of columns, and every row between
 * top and bottom starting and ending with `│` on exactly those columns.
 */
function expectBoxIntact(term: Term): { top: number; bottom: number; left: number; right: number } {
  const rows = rowsOf(term);
  const top = rows.findIndex((r) => r.cells.includes('╭'));
  expect(top, 'a box top').toBeGreaterThanOrEqual(0);
  const left = rows[top]!.cells.indexOf('╭');
  const right = rows[top]!.cells.indexOf('╮');
  expect(right, 'the top right corner').toBeGreaterThan(left);
  const bottom = rows.findIndex((r, y) => y > top && r.cells[left] === '╰');
  expect(bottom, 'a box bottom').toBeGreaterThan(top);
  expect(rows[bottom]!.cells[right]).toBe('╯');
  for (const y of [top, bottom])
    expect(rows[y]!.cells.slice(left + 1, right).every((c) => c === '─')).toBe(true);
  const broken = rows
    .slice(top + 1, bottom)
    .map((r, i) => ({ y: top + 1 + i, r }))
    .filter(({ r }) => r.cells[left] !== '│' || r.cells[right] !== '│')
    .map(({ y, r }) => `row ${y}: ${JSON.stringify(r.text)}`);
  expect(broken).toEqual([]);
  return { top, bottom, left, right };
}

/** The column where `needle` starts on a row, counted in cells. */
function columnOf(cells: string[], needle: string): number {
  const chars = [...needle];
  for (let x = 0; x < cells.length; x++) {
    let i = 0;
    let k = x;
    while (i < chars.length && k < cells.length) {
      if (cells[k] === '') {
        k++;
        continue;
      }
      if (cells[k] !== chars[i]) break;
      i++;
      k++;
    }
    if (i === chars.length) return x;
  }
  return -1;
}

// --- The app --------------------------------------------------------------------------------

let r: Rendered | undefined;
beforeAll(() => setLang('zh-CN'));
afterAll(() => setLang('en'));
afterEach(() => {
  r?.unmount();
  r = undefined;
});

function renderApp(services: TuiServices): Rendered {
  const outcome: AppOutcome = { labUp: false };
  r = renderTui(
    <ServicesProvider value={services}>
      <App outcome={outcome} />
    </ServicesProvider>,
    {},
    COLS,
  );
  // The app follows the terminal's size through 'resize' (as on a real terminal).
  Object.defineProperty(r.stdout, 'rows', { get: () => ROWS, configurable: true });
  r.stdout.emit('resize');
  return r;
}

async function keys(app: Rendered, input: string, until: (f: string) => boolean): Promise<void> {
  await tick();
  app.stdin.write(input);
  await waitForFrame(app, until);
}

describe('the TUI at 80×24 in zh-CN (through a headless xterm)', () => {
  it('translates every tui.* and topo.* key', () => {
    const mine = Object.keys(en).filter((k) => k.startsWith('tui.') || k.startsWith('topo.'));
    expect(mine.filter((k) => !(k in zhCN))).toEqual([]);
  });

  it('the lesson list: columns line up under Chinese titles, nothing spills over', async () => {
    const app = renderApp(chineseLab().services);
    await waitForFrame(app, (f) => f.includes('从这里继续'));
    const frame = app.lastFrame()!;
    const term = await toScreen(frame);
    expectNoSpill(frame, term);
    const rows = rowsOf(term);
    const lessonRows = rows.filter((row) => /分钟/.test(row.text));
    expect(lessonRows).toHaveLength(LESSONS.length);
    // The steps column ("1/1", "0/2"…) and the minutes column start on one column in every row.
    const stepsAt = lessonRows.map((row) => columnOf(row.cells, row.text.match(/\d+\/\d+/)![0]));
    const minutesAt = lessonRows.map((row) => columnOf(row.cells, row.text.match(/\d+ 分钟/)![0]));
    expect(new Set(stepsAt).size, `steps at ${stepsAt}`).toBe(1);
    expect(new Set(minutesAt).size, `minutes at ${minutesAt}`).toBe(1);
    // The long title was cut to fit, with an ellipsis, never through a character.
    expect(screenText(term)).toContain('…');
    expect(screenText(term)).toMatchSnapshot();
  });

  it('a step: header, text, checks, the shell and the status bar fit 80 columns', async () => {
    const lab = chineseLab();
    const app = renderApp(lab.services);
    await waitForFrame(app, (f) => f.includes('从这里继续'));
    await keys(app, '\r', (f) => f.includes('步骤 1/2') && f.includes('1/2 通过'));
    // The shell prints Chinese too: its screen is a second emulator, drawn inside this one.
    await vi.waitFor(() => expect(lab.shells.length).toBeGreaterThan(0));
    await lab.shells
      .at(-1)!
      .show('root@host1:~# echo 网桥端口：veth0a1b2c\r\n网桥端口：veth0a1b2c\r\nroot@host1:~# ');
    await waitForFrame(app, (f) => f.includes('网桥端口：veth0a1b2c\nroot@host1'));
    const frame = app.lastFrame()!;
    const term = await toScreen(frame);
    expectNoSpill(frame, term);
    const rows = rowsOf(term);
    // The shell pane's title is a rule across the full width: `── host1 上的 shell ────…─`.
    const title = rows.find((row) => row.text.includes('host1 上的 shell'));
    expect(title, 'the pane title').toBeDefined();
    expect(title!.cells[0]).toBe('─');
    expect(title!.cells[COLS - 1]).toBe('─');
    // The status bar: focus on the left, the lab state and help key ending on the last column.
    const status = rows.find((row) => row.text.startsWith('焦点：课程'));
    expect(status, 'the status bar').toBeDefined();
    expect(columnOf(status!.cells, '? 帮助') + stringWidth('? 帮助')).toBe(COLS);
    expect(screenText(term)).toMatchSnapshot();
  });

  it('a step zoomed: the text, its table, the code and the revealed hint', async () => {
    const app = renderApp(chineseLab().services);
    await waitForFrame(app, (f) => f.includes('从这里继续'));
    await keys(app, '\r', (f) => f.includes('步骤 1/2'));
    await keys(app, 'z', (f) => f.includes('提示 1/2'));
    const frame = app.lastFrame()!;
    const term = await toScreen(frame);
    expectNoSpill(frame, term);
    const rows = rowsOf(term);
    // The table's column rules line up: `│` on the same columns in its header and its rows.
    const tableRows = rows.filter((row) => row.cells.includes('│') || row.cells.includes('┼'));
    expect(tableRows.length).toBeGreaterThanOrEqual(4);
    const seps = tableRows.map((row) =>
      row.cells.flatMap((c, x) => (c === '│' || c === '┼' ? [x] : [])).join(','),
    );
    expect(new Set(seps).size, seps.join(' / ')).toBe(1);
    expect(screenText(term)).toMatchSnapshot();
  });

  it('the help overlay over a step: a box whose borders stay on their columns', async () => {
    const app = renderApp(chineseLab().services);
    await waitForFrame(app, (f) => f.includes('从这里继续'));
    await keys(app, '\r', (f) => f.includes('步骤 1/2'));
    await keys(app, '?', (f) => f.includes('按键'));
    const frame = app.lastFrame()!;
    const term = await toScreen(frame);
    expectNoSpill(frame, term);
    const box = expectBoxIntact(term);
    expect([box.left, box.right]).toEqual([0, COLS - 1]);
    expect(screenText(term)).toMatchSnapshot();
  });

  it('a failed start: the error box keeps its borders around Chinese text', async () => {
    const app = renderApp(
      chineseLab({
        up: false,
        upFails: new Error(LONG_ERROR),
        findings: [
          { id: 'bin:dockerd', ok: false, title: '已安装 dockerd', fix: '安装 docker.io 软件包' },
        ],
      }).services,
    );
    await waitForFrame(app, (f) => f.includes('出错了'));
    const frame = app.lastFrame()!;
    const term = await toScreen(frame);
    expectNoSpill(frame, term);
    const box = expectBoxIntact(term);
    expect([box.left, box.right]).toEqual([0, COLS - 1]);
    expect(plain(frame)).toContain('安装 docker.io 软件包');
    // Wrapped by columns inside the box: nothing of the message was cut off at the border.
    const inside = rowsOf(term)
      .slice(box.top + 1, box.bottom)
      .map((row) =>
        row.cells
          .slice(box.left + 1, box.right)
          .join('')
          .trim(),
      )
      .join('');
    expect(inside.replace(/ /g, '')).toContain(`实验环境无法启动：${LONG_ERROR}`.replace(/ /g, ''));
    expect(screenText(term)).toMatchSnapshot();
  });
});

describe('the lab map panel in zh-CN', () => {
  it('keeps its title within a narrow width (the time only when it fits whole)', () => {
    const width = 14;
    const rows = topologyPanelLines({ lines: ['LAN 192.0.2.0/24'], width, observedAt: '12:00:05' });
    const title = rows[0]!.map((s) => s.text).join('');
    expect(title).toBe('拓扑图');
    expect(stringWidth(title)).toBeLessThanOrEqual(width);
    const wide = topologyPanelLines({ lines: [], width: 40, observedAt: '12:00:05' });
    expect(wide[0]!.map((s) => s.text).join('')).toBe('拓扑图 · 12:00:05');
  });
});

describe('the check panel in zh-CN', () => {
  it('says "waiting on" once when the message already says it', () => {
    const lines = checkPanelLines(
      {
        width: 60,
        checks: [
          { id: 'a', kind: 'container-running', pass: false, message: '没有名为 web 的容器。' },
          {
            id: 'b',
            kind: 'http-reachable',
            pass: false,
            message: '等待 a（它必须先通过）',
            waitingOn: 'a',
          },
          {
            id: 'c',
            kind: 'link-exists',
            pass: false,
            message: '需要 vlan，本机不支持',
            skipped: '需要 vlan，本机不支持',
          },
        ],
      },
      { color: false, screenReader: false },
    ).map((l) => l.map((s) => s.text).join(''));
    expect(lines).toEqual([
      '检查 · 0/3 通过',
      '✘ 没有名为 web 的容器。',
      '… 等待 a（它必须先通过）',
      '⊘ 已跳过：需要 vlan，本机不支持',
    ]);
  });
});
