import React, { type ReactElement } from 'react';
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { ThemeProvider, type Theme } from '../../../src/tui/theme.js';

export type Rendered = ReturnType<typeof render>;

/**
 * Render with a fixed theme (colour on unless told, no screen reader unless told). The fake
 * terminal of ink-testing-library is 100 columns wide; `columns` widens it (for wide layouts).
 */
export function renderTui(
  el: ReactElement,
  theme: Partial<Theme> = {},
  columns?: number,
): Rendered {
  const tree = (
    <ThemeProvider theme={{ color: true, screenReader: false, ...theme }}>{el}</ThemeProvider>
  );
  const r = render(tree);
  if (columns !== undefined) {
    Object.defineProperty(r.stdout, 'columns', { get: () => columns });
    r.rerender(tree);
  }
  return r;
}

export function plain(frame: string | undefined): string {
  return stripVTControlCharacters(frame ?? '');
}

export function frameLines(r: Rendered): string[] {
  return plain(r.lastFrame()).split('\n');
}

/** Let React and Ink run effects (input listeners attach in effects). */
export function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Poll `lastFrame()` until `check` holds; no fixed sleeps. */
export async function waitForFrame(
  r: Rendered,
  check: (text: string) => boolean,
  timeoutMs = 2000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = plain(r.lastFrame());
    if (check(text)) return text;
    if (Date.now() > deadline) throw new Error(`frame never matched; last frame:\n${text}`);
    await tick();
  }
}

/** Type into stdin and wait until the frame changes (or `check` holds). */
export async function press(
  r: Rendered,
  input: string,
  check?: (text: string) => boolean,
): Promise<string> {
  await tick();
  const before = r.lastFrame();
  r.stdin.write(input);
  return waitForFrame(r, check ?? (() => r.lastFrame() !== before));
}

export const KEY = {
  up: '\x1b[A',
  down: '\x1b[B',
  enter: '\r',
  escape: '\x1b',
  ctrlC: '\x03',
  toggle: '\x1d',
} as const;

export function maxWidth(lines: string[]): number {
  return Math.max(0, ...lines.map((l) => stringWidth(l)));
}
