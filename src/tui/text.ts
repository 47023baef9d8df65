import { displayWidth, graphemes, padEnd, truncate } from '../text/width.js';
import type { Line, Segment } from './theme.js';

/** Every layout decision in the TUI measures in columns (src/text/width.ts), never in length. */
export { displayWidth, padEnd, truncate };

export function lineWidth(line: Line): number {
  return line.reduce((w, s) => w + displayWidth(s.text), 0);
}

function sameStyle(a: Segment, b: Segment): boolean {
  return (
    a.tone === b.tone &&
    !!a.bold === !!b.bold &&
    !!a.italic === !!b.italic &&
    !!a.strikethrough === !!b.strikethrough
  );
}

function styleOf(seg: Segment): Omit<Segment, 'text'> {
  return {
    ...(seg.tone ? { tone: seg.tone } : {}),
    ...(seg.bold ? { bold: true } : {}),
    ...(seg.italic ? { italic: true } : {}),
    ...(seg.strikethrough ? { strikethrough: true } : {}),
  };
}

/** Join neighbouring segments of the same style. */
export function mergeLine(line: Line): Line {
  const out: Line = [];
  for (const seg of line) {
    if (!seg.text) continue;
    const last = out[out.length - 1];
    if (last && sameStyle(last, seg)) out[out.length - 1] = { ...last, text: last.text + seg.text };
    else out.push(seg);
  }
  return out;
}

/** A piece of an unbreakable word, keeping its style. */
type Piece = Segment;
type Atom =
  | { kind: 'word'; pieces: Piece[]; width: number }
  | { kind: 'space'; style: Segment }
  | { kind: 'break' };

/** Break styled text into words (which may span styles), spaces, and hard breaks. */
function atomize(segments: Segment[]): Atom[] {
  const atoms: Atom[] = [];
  let word: Piece[] = [];
  let wordWidth = 0;
  const endWord = () => {
    if (word.length) atoms.push({ kind: 'word', pieces: mergeLine(word), width: wordWidth });
    word = [];
    wordWidth = 0;
  };
  for (const seg of segments) {
    const style = styleOf(seg);
    for (const g of graphemes(seg.text)) {
      if (g === '\n') {
        endWord();
        atoms.push({ kind: 'break' });
      } else if (/^\s+$/.test(g)) {
        endWord();
        atoms.push({ kind: 'space', style: { ...style, text: ' ' } });
      } else {
        const w = displayWidth(g);
        // Wide characters (CJK) may break anywhere: each is a word of its own.
        if (w >= 2) {
          endWord();
          atoms.push({ kind: 'word', pieces: [{ ...style, text: g }], width: w });
        } else {
          word.push({ ...style, text: g });
          wordWidth += w;
        }
      }
    }
  }
  endWord();
  return atoms;
}

/** Cut a line of pieces into lines of at most `width` columns, anywhere. */
export function hardWrap(pieces: Segment[], width: number): Line[] {
  const lines: Line[] = [];
  let line: Line = [];
  let w = 0;
  for (const seg of pieces) {
    const style = styleOf(seg);
    for (const g of graphemes(seg.text)) {
      const gw = displayWidth(g);
      if (w + gw > width && w > 0) {
        lines.push(mergeLine(line));
        line = [];
        w = 0;
      }
      line.push({ ...style, text: g });
      w += gw;
    }
  }
  if (line.length || !lines.length) lines.push(mergeLine(line));
  return lines;
}

/**
 * One line of pieces shown `from` columns in, in at most `width` columns, never wrapped: a part
 * cut off on either side is marked with `…`, so a cut line never looks whole.
 */
export function cutLine(pieces: Segment[], width: number, from = 0): Line {
  const cells: Segment[] = [];
  for (const seg of pieces) {
    const style = styleOf(seg);
    for (const g of graphemes(seg.text)) cells.push({ ...style, text: g });
  }
  const total = cells.reduce((w, c) => w + displayWidth(c.text), 0);
  // Scrolled at most until the line's end shows (after a `…` on the left).
  const start = Math.max(0, Math.min(Math.floor(from), total - width + 1));
  const out: Line = start > 0 ? [{ text: '…', tone: 'muted' }] : [];
  let avail = width - out.length;
  let col = 0;
  for (const c of cells) {
    const cw = displayWidth(c.text);
    const at = col;
    col += cw;
    if (at < start) continue;
    const rest = total - at;
    if (rest > avail && cw > avail - 1) {
      out.push({ text: '…', tone: 'muted' });
      break;
    }
    out.push(c);
    avail -= cw;
  }
  return mergeLine(out);
}

export interface WrapOptions {
  /** Put before the first line (e.g. a list bullet). */
  first?: Line;
  /** Put before every other line (e.g. the bullet's width of spaces). */
  rest?: Line;
}

/**
 * Word-wrap styled text to `width` columns. Soft line breaks (`\n` inside a paragraph) must be
 * turned into spaces by the caller; a `\n` here is a hard break.
 */
export function wrapSegments(segments: Segment[], width: number, opts: WrapOptions = {}): Line[] {
  const first = opts.first ?? [];
  const rest = opts.rest ?? [];
  const lines: Line[] = [];
  let prefix = first;
  let avail = Math.max(1, width - lineWidth(prefix));
  let line: Line = [];
  let w = 0;
  let space: Segment | undefined;
  const newLine = () => {
    lines.push(mergeLine([...prefix, ...line]));
    prefix = rest;
    avail = Math.max(1, width - lineWidth(prefix));
    line = [];
    w = 0;
    space = undefined;
  };
  for (const atom of atomize(segments)) {
    if (atom.kind === 'break') {
      newLine();
    } else if (atom.kind === 'space') {
      if (w > 0) space = atom.style;
    } else {
      const gap = space ? 1 : 0;
      if (w > 0 && w + gap + atom.width > avail) newLine();
      else if (space) {
        line.push(space);
        w += 1;
      }
      space = undefined;
      if (atom.width > avail) {
        // A word longer than the line: cut it.
        const parts = hardWrap(atom.pieces, avail);
        parts.forEach((part, i) => {
          if (i > 0) newLine();
          line.push(...part);
          w = lineWidth(line);
        });
      } else {
        line.push(...atom.pieces);
        w += atom.width;
      }
    }
  }
  if (line.length || lines.length === 0) newLine();
  return lines;
}
