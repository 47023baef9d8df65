import { createRequire } from 'node:module';

/**
 * Text measured in terminal columns, never in string length: a CJK character takes two columns,
 * a combining mark none, ANSI colours none. The TUI, the topology map and trace, and the grade
 * tables all line things up with these, and cut only between whole characters.
 */

export function displayWidth(text: string): number {
  return ONE_COLUMN_EACH.test(text) ? text.length : stringWidth()(text);
}

/**
 * Characters that take one column each, whatever follows them: printable ASCII, Latin letters,
 * general punctuation, arrows, box drawing and the marks ✓ ✔ ✗ ✘. Most of what the CLI prints is
 * only these, so it never pays for string-width, whose Intl.Segmenter and emoji regex take about
 * 25 ms to make (test/unit/text/width.test.ts checks every one of them against string-width).
 */
export const ONE_COLUMN_EACH =
  /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u259f\u2713\u2714\u2717\u2718]*$/;

/** string-width, loaded on first use (Node ≥ 20.19 requires an ES module synchronously). */
let full: ((text: string) => number) | undefined;
function stringWidth(): (text: string) => number {
  full ??= (createRequire(import.meta.url)('string-width') as { default: (text: string) => number }).default;
  return full;
}

let segmenter: Intl.Segmenter | undefined;

/** The user-perceived characters of a text (a wide character or an emoji sequence is one). */
export function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/**
 * Cut to at most `width` columns, ending with `…` when something was cut. A wide character is
 * kept whole or left out, so the result may be one column narrower than `width`.
 */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  const [head] = splitCols(text, width - 1, false);
  return `${head}…`;
}

/** Pad with spaces to at least `width` columns, never cutting; `right` aligns to the right. */
export function pad(text: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/** Pad with spaces to exactly `width` columns, cutting first (with `…`) if longer. */
export function padEnd(text: string, width: number): string {
  return pad(truncate(text, width), width);
}

/**
 * The longest head of `text` that fits in `width` columns, and the rest. With `progress`, at
 * least one character goes into the head even if it is wider, so cutting always moves on.
 */
export function splitCols(text: string, width: number, progress = true): [string, string] {
  let head = '';
  let w = 0;
  let used = 0;
  for (const g of graphemes(text)) {
    const gw = displayWidth(g);
    if (w + gw > width && (head || !progress)) break;
    head += g;
    w += gw;
    used += g.length;
  }
  return [head, text.slice(used)];
}
