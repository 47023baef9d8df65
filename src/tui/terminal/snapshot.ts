import type { IBuffer, IBufferCell } from '@xterm/headless';

/**
 * The visible screen of a headless terminal as rows of styled runs, ready for Ink.
 * Pure: reads the buffer it is given, nothing else.
 */

export interface CellStyle {
  /** Ink colour: `ansi256(n)` for palette colours, `#rrggbb` for true colour; absent: default. */
  fg?: string;
  bg?: string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  inverse?: boolean;
}

export interface StyledRun {
  text: string;
  style: CellStyle;
}

export interface SnapshotRow {
  runs: StyledRun[];
  /** Equal keys mean equal rows: lets the pane skip re-rendering unchanged rows. */
  key: string;
}

export interface TerminalSnapshot {
  cols: number;
  rows: SnapshotRow[];
  cursor: { x: number; y: number; visible: boolean };
  /** `alternate` while a full-screen program (vi, less, top) runs. */
  buffer: 'normal' | 'alternate';
  /** Lines scrolled back from the bottom (0: the live screen). */
  scrolled?: number;
}

/** The part of an xterm Terminal the snapshot reads. */
export interface SnapshotSource {
  readonly cols: number;
  readonly rows: number;
  readonly buffer: { readonly active: IBuffer };
}

export interface SnapshotOptions {
  /** Whether the program wants its cursor shown (DECTCEM); the session tracks it. */
  cursorVisible: boolean;
  /** Draw the cursor (as an inverted cell): usually only while the pane has focus. */
  showCursor: boolean;
  /** Lines to scroll back from the bottom into the scrollback (clamped to what there is). */
  scrollBack?: number;
}

function hex(n: number): string {
  return '#' + (n & 0xffffff).toString(16).padStart(6, '0');
}

function styleOf(cell: IBufferCell): CellStyle {
  const s: CellStyle = {};
  if (cell.isFgPalette()) s.fg = `ansi256(${cell.getFgColor()})`;
  else if (cell.isFgRGB()) s.fg = hex(cell.getFgColor());
  if (cell.isBgPalette()) s.bg = `ansi256(${cell.getBgColor()})`;
  else if (cell.isBgRGB()) s.bg = hex(cell.getBgColor());
  if (cell.isBold()) s.bold = true;
  if (cell.isDim()) s.dim = true;
  if (cell.isItalic()) s.italic = true;
  if (cell.isUnderline()) s.underline = true;
  if (cell.isStrikethrough()) s.strikethrough = true;
  if (cell.isInverse()) s.inverse = true;
  return s;
}

function styleKey(s: CellStyle): string {
  return [
    s.fg ?? '',
    s.bg ?? '',
    s.bold ? 'b' : '',
    s.dim ? 'd' : '',
    s.italic ? 'i' : '',
    s.underline ? 'u' : '',
    s.strikethrough ? 's' : '',
    s.inverse ? 'r' : '',
  ].join(',');
}

function isPlainBlank(run: StyledRun): boolean {
  return (
    /^ *$/.test(run.text) &&
    !run.style.bg &&
    !run.style.inverse &&
    !run.style.underline &&
    !run.style.strikethrough
  );
}

/** Read the rows on screen (from `viewportY`), coalescing cells of equal style into runs. */
export function takeSnapshot(term: SnapshotSource, opts: SnapshotOptions): TerminalSnapshot {
  const buf = term.buffer.active;
  const cols = term.cols;
  const scrolled = Math.min(Math.max(0, Math.floor(opts.scrollBack ?? 0)), buf.baseY);
  const top = scrolled > 0 ? buf.baseY - scrolled : buf.viewportY;
  const cursorLine = buf.baseY + buf.cursorY;
  const cursorRow = cursorLine - top;
  const drawCursor =
    opts.cursorVisible && opts.showCursor && cursorRow >= 0 && cursorRow < term.rows;
  const rows: SnapshotRow[] = [];
  let cell = buf.getNullCell();

  for (let y = 0; y < term.rows; y++) {
    const line = buf.getLine(top + y);
    const runs: StyledRun[] = [];
    let text = '';
    let style: CellStyle = {};
    let key = '';
    const push = () => {
      if (text) runs.push({ text, style });
      text = '';
    };
    for (let x = 0; x < cols; x++) {
      const got = line?.getCell(x, cell);
      if (!got) break;
      cell = got;
      const width = cell.getWidth();
      if (width === 0) continue; // the right half of a wide character
      let s = styleOf(cell);
      let chars = cell.getChars() || ' ';
      if (cell.isInvisible()) chars = ' '.repeat(width);
      const isCursor =
        drawCursor &&
        y === cursorRow &&
        (x === buf.cursorX || (width === 2 && x + 1 === buf.cursorX));
      if (isCursor) s = { ...s, inverse: !s.inverse };
      const k = styleKey(s);
      if (k !== key) {
        push();
        style = s;
        key = k;
      }
      text += chars;
    }
    push();
    // Trailing blanks without visible style are noise for the renderer.
    while (runs.length && isPlainBlank(runs[runs.length - 1]!)) runs.pop();
    const last = runs[runs.length - 1];
    if (
      last &&
      !last.style.bg &&
      !last.style.inverse &&
      !last.style.underline &&
      !last.style.strikethrough
    ) {
      const trimmed = last.text.replace(/ +$/, '');
      if (trimmed !== last.text) runs[runs.length - 1] = { text: trimmed, style: last.style };
    }
    rows.push({ runs, key: runs.map((r) => styleKey(r.style) + '\u0000' + r.text).join('\u0001') });
  }

  return {
    cols,
    rows,
    cursor: { x: buf.cursorX, y: cursorRow, visible: opts.cursorVisible },
    buffer: buf.type,
    ...(scrolled ? { scrolled } : {}),
  };
}

/** The rows as plain text (for tests and for a screen reader's linear view). */
export function snapshotText(snap: TerminalSnapshot): string[] {
  return snap.rows.map((r) => r.runs.map((run) => run.text).join(''));
}
