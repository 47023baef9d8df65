import stringWidth from 'string-width';

/** Text helpers for terminal tables: widths by display columns (CJK = 2), colour on request. */

export type Paint = (s: string) => string;

export interface Painter {
  green: Paint;
  red: Paint;
  yellow: Paint;
  dim: Paint;
  bold: Paint;
}

export function painter(color: boolean): Painter {
  const p =
    (code: string): Paint =>
    (s) =>
      color && s ? `\x1b[${code}m${s}\x1b[0m` : s;
  return { green: p('32'), red: p('31'), yellow: p('33'), dim: p('2'), bold: p('1') };
}

/** Display width of a text, ANSI colours excluded. */
export function width(s: string): number {
  return stringWidth(s);
}

/** Pad to `w` display columns (left-aligned, or right-aligned with `right`). */
export function pad(s: string, w: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Cut to at most `w` display columns, with an ellipsis when something was cut. Cuts between
 * graphemes only: a wide (CJK) character or an emoji sequence is kept whole or left out, never
 * halved, so the result may be one column narrower than `w`.
 */
export function truncate(s: string, w: number): string {
  if (width(s) <= w) return s;
  if (w <= 0) return '';
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(s)) {
    const cw = width(segment);
    if (used + cw > w - 1) break;
    out += segment;
    used += cw;
  }
  return `${out}…`;
}

/** Rows of cells as aligned lines; `right` lists the columns aligned right. */
export function table(rows: string[][], opts: { right?: number[]; gap?: string } = {}): string[] {
  const cols = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, c) =>
    Math.max(0, ...rows.map((r) => width(r[c] ?? ''))),
  );
  const gap = opts.gap ?? '  ';
  return rows.map((r) =>
    r
      .map((cell, c) => pad(cell, widths[c] ?? 0, opts.right?.includes(c)))
      .join(gap)
      .trimEnd(),
  );
}

/** One line of text (no newlines, no control characters). */
export function oneLine(s: string): string {
  return s.replace(/[\r\n\t]+/g, ' ').replace(/[\x00-\x1f\x7f]/g, '');
}
