import { createContext, createElement, useContext, type ReactNode } from 'react';
import { useIsScreenReaderEnabled, type TextProps } from 'ink';

/**
 * How things look: colour on or off (NO_COLOR), and the screen-reader mode (plain linear text,
 * no box drawing). Components ask `useTheme()`; nothing else reads the environment.
 */

/** NO_COLOR (https://no-color.org): present and not empty turns colour off. */
export function colorsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = env.NO_COLOR;
  return v === undefined || v === '';
}

/** What a piece of text means; the theme decides how that looks. */
export type Tone =
  | 'heading'
  | 'strong'
  | 'em'
  | 'code'
  | 'command'
  | 'flag'
  | 'string'
  | 'comment'
  | 'link'
  | 'muted'
  | 'pass'
  | 'fail'
  | 'pending'
  | 'warn'
  | 'accent'
  | 'selected'
  | 'key';

export interface Segment {
  text: string;
  tone?: Tone;
  bold?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
}

/** One rendered line: segments side by side. */
export type Line = Segment[];

export interface Theme {
  /** Colours and text attributes (bold, dim, inverse…). Off: output carries no escape codes. */
  color: boolean;
  /** Linear text for screen readers: no box drawing, words instead of symbols where it matters. */
  screenReader: boolean;
}

const TONE: Record<Tone, TextProps> = {
  heading: { color: 'cyan', bold: true },
  strong: { bold: true },
  em: { italic: true },
  code: { color: 'yellow' },
  command: { color: 'green', bold: true },
  flag: { color: 'cyan' },
  string: { color: 'yellow' },
  comment: { color: 'gray' },
  link: { color: 'blue', underline: true },
  muted: { color: 'gray' },
  pass: { color: 'green' },
  fail: { color: 'red' },
  pending: { color: 'yellow' },
  warn: { color: 'yellow', bold: true },
  accent: { color: 'magenta', bold: true },
  selected: { inverse: true },
  key: { color: 'cyan', bold: true },
};

/** Ink props for a segment; none at all when colour is off. */
export function segmentProps(seg: Segment, theme: Theme): TextProps {
  if (!theme.color) return {};
  return {
    ...(seg.tone ? TONE[seg.tone] : {}),
    ...(seg.bold ? { bold: true } : {}),
    ...(seg.italic ? { italic: true } : {}),
    ...(seg.strikethrough ? { strikethrough: true } : {}),
  };
}

export function toneProps(tone: Tone, theme: Theme): TextProps {
  return theme.color ? TONE[tone] : {};
}

const ThemeContext = createContext<Theme | undefined>(undefined);

/** Fix the theme for a subtree (the app sets it once; tests set it explicitly). */
export function ThemeProvider(props: { theme: Partial<Theme>; children?: ReactNode }) {
  const sr = useIsScreenReaderEnabled();
  const value: Theme = {
    color: props.theme.color ?? colorsEnabled(),
    screenReader: props.theme.screenReader ?? sr,
  };
  return createElement(ThemeContext.Provider, { value }, props.children);
}

export function useTheme(): Theme {
  const fixed = useContext(ThemeContext);
  const sr = useIsScreenReaderEnabled();
  return fixed ?? { color: colorsEnabled(), screenReader: sr };
}
