import { safeText } from '../text/safe.js';
import { displayWidth, pad, truncate } from '../text/width.js';

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

export { displayWidth as width, pad, truncate };

/** Rows of cells as aligned lines; `right` lists the columns aligned right. */
export function table(rows: string[][], opts: { right?: number[]; gap?: string } = {}): string[] {
  const cols = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, c) =>
    Math.max(0, ...rows.map((r) => displayWidth(r[c] ?? ''))),
  );
  const gap = opts.gap ?? '  ';
  return rows.map((r) =>
    r
      .map((cell, c) => pad(cell, widths[c] ?? 0, opts.right?.includes(c)))
      .join(gap)
      .trimEnd(),
  );
}

/** One line of text (no newlines, no control characters, no escape sequences). */
export function oneLine(s: string): string {
  return safeText(s.replace(/[\r\n\t]+/g, ' '));
}
